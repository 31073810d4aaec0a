import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("using_request_directly/tutorial001", () => {
  it("reads the client's host from the Request and the path parameter as declared", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ client_host: "testclient", item_id: "foo" });
  });

  it("documents the path parameter, not the Request", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/{item_id}": {
          get: {
            summary: "Read Root",
            operationId: "read_root_items__item_id__get",
            parameters: [
              { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
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
