import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("body_fields/tutorial001", () => {
  it("accepts a valid item and fills the defaults", async () => {
    const response = await client.put("/items/5", { json: { item: { name: "Foo", price: 3.0 } } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 5, item: { name: "Foo", price: 3.0, description: null, tax: null } });
  });

  it("converts a numeric string for tax", async () => {
    const response = await client.put("/items/6", { json: { item: { name: "Bar", price: 0.2, description: "Some bar", tax: "5.4" } } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 6, item: { name: "Bar", price: 0.2, description: "Some bar", tax: 5.4 } });
  });

  it("rejects a price that is not greater than zero", async () => {
    const response = await client.put("/items/5", { json: { item: { name: "Foo", price: -3.0 } } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "greater_than", loc: ["body", "item", "price"], msg: "Input should be greater than 0", input: -3.0, ctx: { gt: 0 } }],
    });
  });

  it("rejects a description over 300 characters", async () => {
    const description = "x".repeat(301);
    const response = await client.put("/items/5", { json: { item: { name: "Foo", price: 3.0, description } } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "string_too_long",
          loc: ["body", "item", "description"],
          msg: "String should have at most 300 characters",
          input: description,
          ctx: { max_length: 300 },
        },
      ],
    });
  });

  it("documents the fields' title, description and limits", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const { paths, components } = response.json<{ paths: Record<string, { put: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } }>();
    expect(paths["/items/{item_id}"]!.put).toMatchObject({
      summary: "Update Item",
      operationId: "update_item_items__item_id__put",
      parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "integer", title: "Item Id" } }],
      requestBody: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/Body_update_item_items__item_id__put" } } },
        required: true,
      },
    });
    expect(components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "The description of the item", anyOf: [{ type: "string", maxLength: 300 }, { type: "null" }] },
        price: { title: "Price", type: "number", exclusiveMinimum: 0, description: "The price must be greater than zero" },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
      },
      required: ["name", "price"],
    });
    expect(components.schemas.Body_update_item_items__item_id__put).toEqual({
      title: "Body_update_item_items__item_id__put",
      type: "object",
      properties: { item: { $ref: "#/components/schemas/Item" } },
      required: ["item"],
    });
  });
});
