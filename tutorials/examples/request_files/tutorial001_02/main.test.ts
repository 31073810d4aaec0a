import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("request_files/tutorial001_02", () => {
  it("answers without a file", async () => {
    expect((await client.post("/files/")).json()).toEqual({ message: "No file sent" });
    expect((await client.post("/uploadfile/")).json()).toEqual({ message: "No upload file sent" });
  });

  it("reads a file as bytes", async () => {
    const response = await client.post("/files/", { files: { file: ["test.txt", "<file content>"] } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ file_size: 14 });
  });

  it("reads a file as an UploadFile", async () => {
    const response = await client.post("/uploadfile/", { files: { file: ["test.txt", "<file content>"] } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ filename: "test.txt" });
  });

  it("documents optional files and an optional body", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toHaveProperty(["/files/", "post", "requestBody"], {
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_file_files__post" } } },
    });
    expect(openapi.paths).toHaveProperty(["/uploadfile/", "post", "requestBody"], {
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_upload_file_uploadfile__post" } } },
    });
    const file = { title: "File", anyOf: [{ type: "string", contentMediaType: "application/octet-stream" }, { type: "null" }] };
    expect(openapi.components.schemas.Body_create_file_files__post).toEqual({
      title: "Body_create_file_files__post",
      type: "object",
      properties: { file },
    });
    expect(openapi.components.schemas.Body_create_upload_file_uploadfile__post).toEqual({
      title: "Body_create_upload_file_uploadfile__post",
      type: "object",
      properties: { file },
    });
  });
});
