import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

const missingFile = { detail: [{ type: "missing", loc: ["body", "file"], msg: "Field required", input: null }] };

describe("request_files/tutorial001_03", () => {
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

  it("reports a missing file", async () => {
    for (const url of ["/files/", "/uploadfile/"]) {
      const response = await client.post(url);
      expect(response.status).toBe(422);
      expect(response.json()).toEqual(missingFile);
    }
  });

  it("does not read JSON as a file", async () => {
    const response = await client.post("/files/", { json: { file: "Foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual(missingFile);
  });

  it("documents multipart bodies with binary fields", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toHaveProperty(["/files/", "post", "requestBody"], {
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_file_files__post" } } },
      required: true,
    });
    expect(openapi.paths).toHaveProperty(["/uploadfile/", "post", "requestBody"], {
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_upload_file_uploadfile__post" } } },
      required: true,
    });
    expect(openapi.components.schemas.Body_create_file_files__post).toEqual({
      title: "Body_create_file_files__post",
      type: "object",
      properties: { file: { title: "File", type: "string", contentMediaType: "application/octet-stream", description: "A file read as bytes" } },
      required: ["file"],
    });
    expect(openapi.components.schemas.Body_create_upload_file_uploadfile__post).toEqual({
      title: "Body_create_upload_file_uploadfile__post",
      type: "object",
      properties: { file: { title: "File", type: "string", contentMediaType: "application/octet-stream", description: "A file read as UploadFile" } },
      required: ["file"],
    });
  });
});
