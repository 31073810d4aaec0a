import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params/tutorial001", () => {
  it("passes the path segment to the handler as a string", async () => {
    const foo = await client.get("/items/foo");
    expect(foo.status).toBe(200);
    expect(foo.json()).toEqual({ item_id: "foo" });
    const one = await client.get("/items/1");
    expect(one.status).toBe(200);
    expect(one.json()).toEqual({ item_id: "1" });
  });

  it("documents an untyped path parameter with only a title", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/{item_id}": {
          get: {
            summary: "Read Item",
            operationId: "read_item_items__item_id__get",
            parameters: [{ required: true, schema: { title: "Item Id" }, name: "item_id", in: "path" }],
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
          HTTPValidationError: {
            title: "HTTPValidationError",
            type: "object",
            properties: {
              detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } },
            },
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
        },
      },
    });
  });
});
