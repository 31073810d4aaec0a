import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const itemSchema = {
  title: "Item",
  type: "object",
  properties: {
    name: { title: "Name", type: "string" },
    description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
    price: { title: "Price", type: "number" },
    tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
  },
  required: ["name", "price"],
};

interface Doc {
  paths: Record<string, { put: Record<string, unknown> }>;
  components: { schemas: Record<string, unknown> };
}

async function openapi(): Promise<Doc> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  const doc = response.json<Doc>();
  expect(doc.paths["/items/{item_id}"]!.put).toMatchObject({ summary: "Update Item", operationId: "update_item_items__item_id__put" });
  return doc;
}

const missing = (...loc: string[]) => ({ type: "missing", loc: ["body", ...loc], msg: "Field required", input: null });

describe("body_multiple_params/tutorial005", () => {
  it("expects the item under the key item", async () => {
    const all = await client.put("/items/5", { json: { item: { name: "Foo", price: 50.5, description: "Some Foo", tax: 0.1 } } });
    expect(all.status).toBe(200);
    expect(all.json()).toEqual({ item_id: 5, item: { name: "Foo", price: 50.5, description: "Some Foo", tax: 0.1 } });
    const required = await client.put("/items/5", { json: { item: { name: "Foo", price: 50.5 } } });
    expect(required.json()).toEqual({ item_id: 5, item: { name: "Foo", price: 50.5, description: null, tax: null } });
  });

  it("rejects the item sent without its key", async () => {
    const response = await client.put("/items/5", { json: { name: "Foo", price: 50.5 } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [missing("item")] });
    const none = await client.put("/items/5");
    expect(none.json()).toEqual({ detail: [missing("item")] });
  });

  it("points inside the embedded item", async () => {
    const response = await client.put("/items/5", { json: { item: { name: "Foo" }, user: { username: "johndoe" } } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "item", "price"], msg: "Field required", input: { name: "Foo" } }] });
  });

  it("documents a body object with one key", async () => {
    const doc = await openapi();
    expect(doc.paths["/items/{item_id}"]!.put.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Body_update_item_items__item_id__put" } } },
      required: true,
    });
    expect(doc.components.schemas).toMatchObject({
      Body_update_item_items__item_id__put: {
        title: "Body_update_item_items__item_id__put",
        type: "object",
        properties: { item: { $ref: "#/components/schemas/Item" } },
        required: ["item"],
      },
      Item: itemSchema,
    });
  });
});
