import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("path_operation_advanced_configuration/tutorial004", () => {
  it("creates an item", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: 42 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", description: null, price: 42, tax: null, tags: [] });
  });

  it("documents the description only up to the form feed", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/items/": {
        post: {
          summary: "Create an item",
          description: "Create an item with all the information:\n\n- **name**: each item must have a name\n- **description**: a long description\n- **price**: required\n- **tax**: if the item doesn't have tax, you can omit this\n- **tags**: a set of unique tag strings for this item",
          operationId: "create_item_items__post",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } },
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
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
        tags: { title: "Tags", type: "array", items: { type: "string" }, uniqueItems: true, default: [] },
      },
      required: ["name", "price"],
    });
  });
});
