import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

interface Doc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
}

async function openapi(): Promise<Doc> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  return response.json<Doc>();
}

describe("body_nested_models/tutorial008", () => {
  it("receives a JSON array as the body", async () => {
    const images = [
      { url: "http://example.com/baz.jpg", name: "The Foo live" },
      { url: "http://example.com/dave.jpg", name: "The Baz" },
    ];
    const response = await client.post("/images/multiple/", { json: images });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(images);
  });

  it("points at the element that failed", async () => {
    const response = await client.post("/images/multiple/", { json: [{ url: "http://example.com/baz.jpg", name: "ok" }, { url: "http://example.com/dave.jpg" }] });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", 1, "name"], msg: "Field required", input: { url: "http://example.com/dave.jpg" } }],
    });
  });

  it("rejects an object where an array is expected", async () => {
    const response = await client.post("/images/multiple/", { json: { url: "http://example.com/baz.jpg", name: "The Foo live" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "list_type", loc: ["body"], msg: "Input should be a valid list", input: { url: "http://example.com/baz.jpg", name: "The Foo live" } }],
    });
  });

  it("documents an array of Image as the body", async () => {
    const doc = await openapi();
    expect(doc.paths["/images/multiple/"]!.post).toMatchObject({
      summary: "Create Multiple Images",
      operationId: "create_multiple_images_images_multiple__post",
      requestBody: {
        content: { "application/json": { schema: { title: "Images", type: "array", items: { $ref: "#/components/schemas/Image" } } } },
        required: true,
      },
    });
    expect(doc.components.schemas.Image).toEqual({
      title: "Image",
      type: "object",
      properties: { url: { title: "Url", type: "string", format: "uri", minLength: 1, maxLength: 2083 }, name: { title: "Name", type: "string" } },
      required: ["url", "name"],
    });
  });
});
