import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dataclasses_/tutorial001", () => {
  it("accepts an item and fills in the optional fields", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: 3 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", price: 3, description: null, tax: null });
  });

  it("refuses a price that is not a number with a 422", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: "invalid price" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "float_parsing",
          loc: ["body", "price"],
          msg: "Input should be a valid number, unable to parse string as a number",
          input: "invalid price",
        },
      ],
    });
  });

  it("documents the Item schema for the request body", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const openapi = response.json<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>();
    expect(openapi.paths).toEqual({
      "/items/": {
        post: {
          summary: "Create Item",
          operationId: "create_item_items__post",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    });
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        price: { title: "Price", type: "number" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
      },
      required: ["name", "price"],
    });
  });
});
