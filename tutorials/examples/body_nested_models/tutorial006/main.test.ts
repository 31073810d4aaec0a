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

describe("body_nested_models/tutorial006", () => {
  it("receives a list of images", async () => {
    const images = [
      { url: "http://example.com/baz.jpg", name: "The Foo live" },
      { url: "http://example.com/dave.jpg", name: "The Baz" },
    ];
    const response = await client.put("/items/5", { json: { name: "Foo", price: 42.0, tags: ["rock", "metal", "bar"], images } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 5,
      item: { name: "Foo", description: null, price: 42.0, tax: null, tags: ["rock", "metal", "bar"], images },
    });
  });

  it("defaults to no images", async () => {
    const response = await client.put("/items/5", { json: { name: "Foo", price: 35.4 } });
    expect(response.json()).toEqual({ item_id: 5, item: { name: "Foo", description: null, price: 35.4, tax: null, tags: [], images: null } });
  });

  it("points at the image in the list, by index", async () => {
    const response = await client.put("/items/5", {
      json: { name: "Foo", price: 35.4, images: [{ url: "http://example.com/baz.jpg", name: "ok" }, { url: "not a valid url", name: "bad" }] },
    });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "url_parsing",
          loc: ["body", "images", 1, "url"],
          msg: "Input should be a valid URL, relative URL without a base",
          input: "not a valid url",
          ctx: { error: "relative URL without a base" },
        },
      ],
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


  it("documents images as an array of Image", async () => {
    const doc = await openapi();
    expect(doc.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
        tags: { title: "Tags", default: [], type: "array", items: { type: "string" }, uniqueItems: true },
        images: { title: "Images", anyOf: [{ type: "array", items: { $ref: "#/components/schemas/Image" } }, { type: "null" }] },
      },
      required: ["name", "price"],
    });
    expect(doc.components.schemas.Image).toEqual({
      title: "Image",
      type: "object",
      properties: { url: { title: "Url", type: "string", format: "uri", minLength: 1, maxLength: 2083 }, name: { title: "Name", type: "string" } },
      required: ["url", "name"],
    });
  });
});
