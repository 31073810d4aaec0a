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

describe("body_nested_models/tutorial003", () => {
  it("receives the tags, without duplicates", async () => {
    const response = await client.put("/items/123", {
      json: { name: "Foo", description: "A very nice Item", price: 35.4, tax: 3.2, tags: ["foo", "bar", "foo"] },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 123,
      item: { name: "Foo", description: "A very nice Item", price: 35.4, tax: 3.2, tags: ["foo", "bar"] },
    });
  });

  it("defaults to no tags", async () => {
    const response = await client.put("/items/5", { json: { name: "Foo", price: 35.4 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 5, item: { name: "Foo", description: null, price: 35.4, tax: null, tags: [] } });
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

  it("documents the tags field", async () => {
    const doc = await openapi();
    expect(doc.paths["/items/{item_id}"]!.put).toMatchObject({
      summary: "Update Item",
      operationId: "update_item_items__item_id__put",
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
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
      },
      required: ["name", "price"],
    });
  });
});
