import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const bytesField = { type: "string", contentEncoding: "base64", contentMediaType: "application/octet-stream", title: "Data" };
const model = (title: string) => ({
  properties: { description: { type: "string", title: "Description" }, data: bytesField },
  type: "object",
  required: ["description", "data"],
  title,
});

describe("json_base64_bytes/tutorial001", () => {
  it("decodes Base64 in a request body into bytes", async () => {
    const response = await client.post("/data", { json: { description: "A file", data: "SGVsbG8sIFdvcmxkIQ==" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "A file", content: "Hello, World!" });
  });

  it("refuses text that is not Base64", async () => {
    const response = await client.post("/data", { json: { description: "A file", data: "not base64!" } });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ detail: [{ loc: ["body", "data"], input: "not base64!" }] });
  });

  it("encodes bytes in a response as Base64", async () => {
    const response = await client.get("/data");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "A plumbus", data: "aGVsbG8=" });
  });

  it("does both with one model", async () => {
    const response = await client.post("/data-in-out", { json: { description: "A plumbus", data: "SGVsbG8sIFdvcmxkIQ==" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "A plumbus", data: "SGVsbG8sIFdvcmxkIQ==" });
  });

  it("documents the bytes as Base64 text in both directions", async () => {
    const { components, paths } = (await client.get("/openapi.json")).json<{ components: { schemas: Record<string, unknown> }; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    expect(components.schemas.DataInput).toEqual(model("DataInput"));
    expect(components.schemas.DataOutput).toEqual(model("DataOutput"));
    expect(components.schemas.DataInputOutput).toEqual(model("DataInputOutput"));
    expect(paths["/data"]!.get!.responses["200"]).toEqual({ description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/DataOutput" } } } });
    expect(paths["/data-in-out"]!.post!.responses["200"]).toEqual({ description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/DataInputOutput" } } } });
  });
});
