import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

const missing = (field: string) => ({ type: "missing", loc: ["body", field], msg: "Field required", input: null });

describe("request_forms_and_files/tutorial001", () => {
  it("reads two files and a form field", async () => {
    const response = await client.post("/files/", {
      data: { token: "foo" },
      files: { file: ["test.txt", "<file content>"], fileb: ["testb.txt", "<file b content>", "text/plain"] },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ file_size: 14, token: "foo", fileb_content_type: "text/plain" });
  });

  it("reports every missing part", async () => {
    const response = await client.post("/files/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("file"), missing("fileb"), missing("token")] });
  });

  it("reports the missing files when only the token is sent", async () => {
    const response = await client.post("/files/", { data: { token: "foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("file"), missing("fileb")] });
  });

  it("reports the missing file and token when only fileb is sent", async () => {
    const response = await client.post("/files/", { files: { fileb: ["testb.txt", "<file b content>"] } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("file"), missing("token")] });
  });

  it("documents one multipart body with files and a field", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toHaveProperty(["/files/", "post", "requestBody"], {
      content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/Body_create_file_files__post" } } },
      required: true,
    });
    expect(openapi.components.schemas.Body_create_file_files__post).toEqual({
      title: "Body_create_file_files__post",
      type: "object",
      properties: {
        file: { title: "File", type: "string", contentMediaType: "application/octet-stream" },
        fileb: { title: "Fileb", type: "string", contentMediaType: "application/octet-stream" },
        token: { title: "Token", type: "string" },
      },
      required: ["file", "fileb", "token"],
    });
  });
});
