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

describe("dependencies/tutorial005", () => {
  it("falls back to the last_query cookie when q is not sent", async () => {
    const response = await client.get("/items", { cookies: { last_query: "from_cookie" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q_or_cookie: "from_cookie" });
  });

  it("prefers q over the cookie", async () => {
    const response = await client.get("/items?q=foo", { cookies: { last_query: "from_cookie" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q_or_cookie: "foo" });
  });

  it("answers null with neither", async () => {
    const response = await client.get("/items");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q_or_cookie: null });
  });

  it("documents the parameters of both dependencies", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Query",
            operationId: "read_query_items__get",
            parameters: [
              { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
              {
                name: "last_query",
                in: "cookie",
                required: false,
                schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Last Query" },
              },
            ],
            responses,
          },
        },
      },
      components: { schemas: validationSchemas },
    });
  });
});
