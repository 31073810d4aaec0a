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


describe("body_multiple_params/tutorial001", () => {
  it("mixes path, query and an optional body", async () => {
    const response = await client.put("/items/5?q=bar", { json: { name: "Foo", price: 50.5 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 5, item: { name: "Foo", price: 50.5, description: null, tax: null }, q: "bar" });
  });

  it("works without a body", async () => {
    const withQuery = await client.put("/items/5?q=bar");
    expect(withQuery.status).toBe(200);
    expect(withQuery.json()).toEqual({ item_id: 5, q: "bar" });
    const bare = await client.put("/items/5");
    expect(bare.status).toBe(200);
    expect(bare.json()).toEqual({ item_id: 5 });
  });

  it("still validates the path", async () => {
    const response = await client.put("/items/foo");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" },
      ],
    });
  });

  it("documents an optional request body", async () => {
    const doc = await openapi();
    const operation = doc.paths["/items/{item_id}"]!.put;
    expect(operation.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", minimum: 0, maximum: 1000, title: "The ID of the item to get" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
    ]);
    expect(operation.requestBody).toEqual({
      content: { "application/json": { schema: { anyOf: [{ $ref: "#/components/schemas/Item" }, { type: "null" }], title: "Item" } } },
    });
    expect(doc.components.schemas.Item).toEqual(itemSchema);
  });
});
