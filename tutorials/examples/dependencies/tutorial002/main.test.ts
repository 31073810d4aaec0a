import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const validationSchemas = {
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

const responses = {
  "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
  "422": {
    description: "Validation Error",
    content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
  },
};

describe("dependencies/tutorial002", () => {
  it("builds a CommonQueryParams from the query and hands it to the handler", async () => {
    const cases: [string, unknown][] = [
      ["/items", { items: [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }] }],
      ["/items?q=foo", { items: [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }], q: "foo" }],
      ["/items?q=foo&skip=1", { items: [{ item_name: "Bar" }, { item_name: "Baz" }], q: "foo" }],
      ["/items?q=bar&limit=2", { items: [{ item_name: "Foo" }, { item_name: "Bar" }], q: "bar" }],
      ["/items?q=bar&skip=1&limit=1", { items: [{ item_name: "Bar" }], q: "bar" }],
      ["/items?limit=1&q=bar&skip=1", { items: [{ item_name: "Bar" }], q: "bar" }],
    ];
    for (const [path, expected] of cases) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual(expected);
    }
  });

  it("validates the constructor's parameters", async () => {
    const response = await client.get("/items/?skip=first");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "int_parsing",
          loc: ["query", "skip"],
          msg: "Input should be a valid integer, unable to parse string as an integer",
          input: "first",
        },
      ],
    });
  });

  it("documents the constructor's parameters as query parameters", async () => {
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
            parameters: [
              { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
              { name: "skip", in: "query", required: false, schema: { type: "integer", default: 0, title: "Skip" } },
              { name: "limit", in: "query", required: false, schema: { type: "integer", default: 100, title: "Limit" } },
            ],
            responses,
          },
        },
      },
      components: { schemas: validationSchemas },
    });
  });
});
