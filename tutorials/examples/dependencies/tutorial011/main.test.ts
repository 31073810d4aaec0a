import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dependencies/tutorial011", () => {
  it("calls the configured checker with the query parameter", async () => {
    const cases: [string, unknown][] = [
      ["/query-checker/", { fixed_content_in_query: false }],
      ["/query-checker/?q=qwerty", { fixed_content_in_query: false }],
      ["/query-checker/?q=foobar", { fixed_content_in_query: true }],
    ];
    for (const [path, expected] of cases) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual(expected);
    }
  });

  it("documents the checker's parameter as the operation's query parameter", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/query-checker/": {
          get: {
            summary: "Read Query Check",
            operationId: "read_query_check_query_checker__get",
            parameters: [
              { name: "q", in: "query", required: false, schema: { type: "string", default: "", title: "Q" } },
            ],
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
        },
      },
    });
  });
});
