import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("events/tutorial001", () => {
  it("fills the items in the startup handler", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Fighters" });
  });

  it("documents the path operation", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/{item_id}": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__item_id__get",
            parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } }],
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
