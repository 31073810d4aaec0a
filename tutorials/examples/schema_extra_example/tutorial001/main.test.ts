import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

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

const foo = { name: "Foo", description: "A very nice Item", price: 35.4, tax: 3.2 };

const itemProperties = {
  name: { title: "Name", type: "string" },
  description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
  price: { title: "Price", type: "number" },
  tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
};

describe("schema_extra_example/tutorial001", () => {
  it("works as usual: the examples change only the docs", async () => {
    const response = await client.put("/items/5", { json: foo });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 5, item: foo });
  });

  it("adds the examples to the model's JSON Schema", async () => {
    const doc = await openapi();
    expect(doc.paths["/items/{item_id}"]!.put.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      required: true,
    });
    expect(doc.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: itemProperties,
      required: ["name", "price"],
      examples: [foo],
    });
  });
});
