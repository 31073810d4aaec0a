import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

const missingFiles = { detail: [{ type: "missing", loc: ["body", "files"], msg: "Field required", input: null }] };

describe("request_files/tutorial002", () => {
  it("reads several files as bytes", async () => {
    const response = await client.post("/files/", {
      files: { files: [["test.txt", "<file content>"], ["test2.txt", "<file content2>"]] },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ file_sizes: [14, 15] });
  });

  it("reads several files as UploadFiles", async () => {
    const response = await client.post("/uploadfiles/", {
      files: { files: [["test.txt", "<file content>"], ["test2.txt", "<file content2>"]] },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ filenames: ["test.txt", "test2.txt"] });
  });

  it("reports missing files", async () => {
    const response = await client.post("/files/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual(missingFiles);
    const json = await client.post("/files/", { json: { file: "Foo" } });
    expect(json.status).toBe(422);
    expect(json.json()).toEqual(missingFiles);
  });

  it("serves the HTML form", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.text).toContain('<form action="/uploadfiles/" enctype="multipart/form-data" method="post">');
  });

  it("documents arrays of binary strings", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toHaveProperty(["/files/", "post", "requestBody"], {
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_files_files__post" } } },
      required: true,
    });
    expect(openapi.paths).toHaveProperty(["/", "get", "operationId"], "main__get");
    expect(openapi.components.schemas.Body_create_files_files__post).toEqual({
      title: "Body_create_files_files__post",
      type: "object",
      properties: { files: { title: "Files", type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } } },
      required: ["files"],
    });
    expect(openapi.components.schemas.Body_create_upload_files_uploadfiles__post).toEqual({
      title: "Body_create_upload_files_uploadfiles__post",
      type: "object",
      properties: { files: { title: "Files", type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } } },
      required: ["files"],
    });
  });
});
