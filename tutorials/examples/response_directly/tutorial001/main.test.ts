import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const validationComponents = {
  HTTPValidationError: {
    title: "HTTPValidationError",
    type: "object",
    properties: { detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } } },
  },
  ValidationError: {
    title: "ValidationError",
    type: "object",
    properties: {
      loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
      msg: { title: "Message", type: "string" },
      type: { title: "Error Type", type: "string" },
      input: { title: "Input" },
      ctx: { title: "Context", type: "object" },
    },
    required: ["loc", "msg", "type"],
  },
};

describe("response_directly/tutorial001", () => {
  it("sends the encoded item in a JSONResponse", async () => {
    const response = await client.put("/items/1", {
      json: { title: "Foo", timestamp: "2023-01-01T12:00:00", description: "A test item" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.json()).toEqual({ title: "Foo", timestamp: "2023-01-01T12:00:00", description: "A test item" });
  });

  it("writes a UTC timestamp with its offset, as Python's isoformat()", async () => {
    const response = await client.put("/items/1", {
      json: { title: "Foo", timestamp: "2023-01-01T12:00:00Z", description: "A test item" },
    });
    expect(response.json()).toEqual({ title: "Foo", timestamp: "2023-01-01T12:00:00+00:00", description: "A test item" });
  });

  it("still validates the request", async () => {
    const response = await client.put("/items/1", { json: { title: "Foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "timestamp"], msg: "Field required", input: { title: "Foo" } }],
    });
  });

  it("documents the request but not the response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/{id}": {
          put: {
            summary: "Update Item",
            operationId: "update_item_items__id__put",
            parameters: [{ name: "id", in: "path", required: true, schema: { title: "Id", type: "string" } }],
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
      },
      components: {
        schemas: {
          Item: {
            title: "Item",
            type: "object",
            properties: {
              title: { title: "Title", type: "string" },
              timestamp: { title: "Timestamp", type: "string", format: "date-time" },
              description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
            },
            required: ["title", "timestamp"],
          },
          ...validationComponents,
        },
      },
    });
  });
});
