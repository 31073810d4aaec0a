import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

const validationError = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};

describe("response_model/tutorial001_01", () => {
  it("fills the defaults of the returned items", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Portal Gun", description: null, price: 42.0, tags: [], tax: null },
      { name: "Plumbus", description: null, price: 32.0, tags: [], tax: null },
    ]);
  });

  it("returns the created item", async () => {
    const item = { name: "Test Item", description: "A test item", price: 10.5, tax: 1.5, tags: ["test", "item"] };
    const response = await client.post("/items/", { json: item });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(item);
  });

  it("returns the defaults of an item with only the required fields", async () => {
    const response = await client.post("/items/", { json: { name: "Test Item", price: 10.5 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Test Item", price: 10.5, description: null, tax: null, tags: [] });
  });

  it("documents the response models", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/items/": {
        get: {
          summary: "Read Items",
          operationId: "read_items_items__get",
          responses: {
            "200": {
              description: "Successful Response",
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Item" }, title: "Response Read Items Items  Get" },
                },
              },
            },
          },
        },
        post: {
          summary: "Create Item",
          operationId: "create_item_items__post",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } },
            "422": validationError,
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
        tags: { title: "Tags", type: "array", items: { type: "string" }, default: [] },
      },
      required: ["name", "price"],
    });
    expect(Object.keys(openapi.components.schemas).sort()).toEqual(["HTTPValidationError", "Item", "ValidationError"]);
  });
});
