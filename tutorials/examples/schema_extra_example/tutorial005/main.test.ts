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

describe("schema_extra_example/tutorial005", () => {
  it("works as usual: the examples change only the docs", async () => {
    const response = await client.put("/items/5", { json: foo });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 5, item: foo });
  });

  it("answers each example as its summary says", async () => {
    const converted = await client.put("/items/5", { json: { name: "Bar", price: "35.4" } });
    expect(converted.status).toBe(200);
    expect(converted.json()).toEqual({ item_id: 5, item: { name: "Bar", description: null, price: 35.4, tax: null } });
    const invalid = await client.put("/items/5", { json: { name: "Baz", price: "thirty five point four" } });
    expect(invalid.status).toBe(422);
    expect(invalid.json()).toEqual({
      detail: [
        { type: "float_parsing", loc: ["body", "price"], msg: "Input should be a valid number, unable to parse string as a number", input: "thirty five point four" },
      ],
    });
  });

  it("documents named examples beside the schema, for Swagger UI", async () => {
    const doc = await openapi();
    expect(doc.paths["/items/{item_id}"]!.put.requestBody).toEqual({
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/Item" },
          examples: {
            normal: { summary: "A normal example", description: "A **normal** item works correctly.", value: foo },
            converted: {
              summary: "An example with converted data",
              description: "fastapi-ts can convert price `strings` to actual `numbers` automatically",
              value: { name: "Bar", price: "35.4" },
            },
            invalid: { summary: "Invalid data is rejected with an error", value: { name: "Baz", price: "thirty five point four" } },
          },
        },
      },
      required: true,
    });
    expect(doc.components.schemas.Item).toEqual({ title: "Item", type: "object", properties: itemProperties, required: ["name", "price"] });
  });
});
