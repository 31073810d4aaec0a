import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params/tutorial004", () => {
  it("a :path parameter takes the rest of the path, slashes included", async () => {
    const response = await client.get("/files/home/johndoe/myfile.txt");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ file_path: "home/johndoe/myfile.txt" });
  });

  it("a double slash keeps the leading slash of an absolute path", async () => {
    const response = await client.get("/files//home/johndoe/myfile.txt");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ file_path: "/home/johndoe/myfile.txt" });
  });

  it("documents the path without the convertor", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(Object.keys(paths)).toEqual(["/files/{file_path}"]);
    expect(paths["/files/{file_path}"]!.get).toMatchObject({
      summary: "Read File",
      operationId: "read_file_files__file_path__get",
      parameters: [{ required: true, schema: { type: "string", title: "File Path" }, name: "file_path", in: "path" }],
    });
  });
});
