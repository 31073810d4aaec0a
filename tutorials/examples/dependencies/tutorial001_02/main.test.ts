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

const parameters = [
  { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
  { name: "skip", in: "query", required: false, schema: { type: "integer", default: 0, title: "Skip" } },
  { name: "limit", in: "query", required: false, schema: { type: "integer", default: 100, title: "Limit" } },
];

describe("dependencies/tutorial001_02", () => {
  it("gives the handler what the dependency returns", async () => {
    const cases: [string, unknown][] = [
      ["/items", { q: null, skip: 0, limit: 100 }],
      ["/items?q=foo", { q: "foo", skip: 0, limit: 100 }],
      ["/items?q=foo&skip=5", { q: "foo", skip: 5, limit: 100 }],
      ["/items?q=foo&skip=5&limit=30", { q: "foo", skip: 5, limit: 30 }],
      ["/users", { q: null, skip: 0, limit: 100 }],
    ];
    for (const [path, expected] of cases) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual(expected);
    }
  });

  it("validates the dependency's parameters as the operation's", async () => {
    const response = await client.get("/users/?limit=many");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "int_parsing",
          loc: ["query", "limit"],
          msg: "Input should be a valid integer, unable to parse string as an integer",
          input: "many",
        },
      ],
    });
  });

  it("documents the dependency's parameters on both operations", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": { get: { summary: "Read Items", operationId: "read_items_items__get", parameters, responses } },
        "/users/": { get: { summary: "Read Users", operationId: "read_users_users__get", parameters, responses } },
      },
      components: { schemas: validationSchemas },
    });
  });
});
