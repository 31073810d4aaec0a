import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("separate_openapi_schemas/tutorial001", () => {
  it("fills the default of a field the client left out", async () => {
    const response = await client.post("/items/", { json: { name: "Foo" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", description: null });
  });

  it("always sends description in the answer, null when unset", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Portal Gun", description: "Device to travel through the multi-rick-verse" },
      { name: "Plumbus", description: null },
    ]);
  });

  it("documents one Item schema, used in both directions", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
            responses: {
              200: {
                description: "Successful Response",
                content: {
                  "application/json": {
                    schema: { items: { $ref: "#/components/schemas/Item" }, type: "array", title: "Response Read Items Items  Get" },
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
              200: { description: "Successful Response", content: { "application/json": { schema: {} } } },
              422: {
                description: "Validation Error",
                content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          HTTPValidationError: {
            properties: { detail: { items: { $ref: "#/components/schemas/ValidationError" }, type: "array", title: "Detail" } },
            type: "object",
            title: "HTTPValidationError",
          },
          Item: {
            properties: {
              name: { type: "string", title: "Name" },
              description: { anyOf: [{ type: "string" }, { type: "null" }], title: "Description" },
            },
            type: "object",
            required: ["name"],
            title: "Item",
          },
          ValidationError: {
            properties: {
              ctx: { title: "Context", type: "object" },
              input: { title: "Input" },
              loc: { items: { anyOf: [{ type: "string" }, { type: "integer" }] }, type: "array", title: "Location" },
              msg: { type: "string", title: "Message" },
              type: { type: "string", title: "Error Type" },
            },
            type: "object",
            required: ["loc", "msg", "type"],
            title: "ValidationError",
          },
        },
      },
    });
  });
});
