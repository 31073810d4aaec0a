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

describe("body_nested_models/tutorial004", () => {
  it("receives the nested image", async () => {
    const response = await client.put("/items/123", {
      json: {
        name: "Foo",
        description: "A very nice Item",
        price: 35.4,
        tax: 3.2,
        tags: ["foo", "bar", "foo"],
        image: { url: "http://example.com/image.png", name: "example image" },
      },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 123,
      item: {
        name: "Foo",
        description: "A very nice Item",
        price: 35.4,
        tax: 3.2,
        tags: ["foo", "bar"],
        image: { url: "http://example.com/image.png", name: "example image" },
      },
    });
  });

  it("leaves the image out when it is not sent", async () => {
    const response = await client.put("/items/5", { json: { name: "Foo", price: 35.4 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 5, item: { name: "Foo", description: null, price: 35.4, tax: null, tags: [], image: null } });
  });

  it("points inside the image", async () => {
    const response = await client.put("/items/5", { json: { name: "Foo", price: 35.4, image: { url: "http://example.com/image.png" } } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "image", "name"], msg: "Field required", input: { url: "http://example.com/image.png" } }],
    });
  });

  it("requires name and price, echoing the object they were missing from", async () => {
    const empty = await client.put("/items/5", { json: {} });
    expect(empty.status).toBe(422);
    expect(empty.json()).toEqual({
      detail: [
        { type: "missing", loc: ["body", "name"], msg: "Field required", input: {} },
        { type: "missing", loc: ["body", "price"], msg: "Field required", input: {} },
      ],
    });
    const partial = await client.put("/items/5", { json: { description: "A very nice Item" } });
    expect(partial.json()).toEqual({
      detail: [
        { type: "missing", loc: ["body", "name"], msg: "Field required", input: { description: "A very nice Item" } },
        { type: "missing", loc: ["body", "price"], msg: "Field required", input: { description: "A very nice Item" } },
      ],
    });
  });


  it("documents Image as its own schema", async () => {
    const doc = await openapi();
    expect(doc.components.schemas.Image).toEqual({
      title: "Image",
      type: "object",
      properties: { url: { title: "Url", type: "string" }, name: { title: "Name", type: "string" } },
      required: ["url", "name"],
    });
    expect(doc.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
        tags: { title: "Tags", default: [], type: "array", items: { type: "string" }, uniqueItems: true },
        image: { anyOf: [{ $ref: "#/components/schemas/Image" }, { type: "null" }] },
      },
      required: ["name", "price"],
    });
  });
});
