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

describe("dependencies/tutorial006", () => {
  it("requires both headers", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "missing", loc: ["header", "x-token"], msg: "Field required", input: null },
        { type: "missing", loc: ["header", "x-key"], msg: "Field required", input: null },
      ],
    });
  });

  it("answers the first dependency's error", async () => {
    const response = await client.get("/items/", { headers: { "X-Token": "invalid" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "X-Token header invalid" });
  });

  it("answers the second dependency's error", async () => {
    const response = await client.get("/items/", { headers: { "X-Token": "fake-super-secret-token", "X-Key": "invalid" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "X-Key header invalid" });
  });

  it("runs the handler when both pass", async () => {
    const response = await client.get("/items/", {
      headers: { "X-Token": "fake-super-secret-token", "X-Key": "fake-super-secret-key" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item: "Foo" }, { item: "Bar" }]);
  });

  it("documents the dependencies' headers", async () => {
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
              { name: "x-token", in: "header", required: true, schema: { type: "string", title: "X-Token" } },
              { name: "x-key", in: "header", required: true, schema: { type: "string", title: "X-Key" } },
            ],
            responses,
          },
        },
      },
      components: { schemas: validationSchemas },
    });
  });
});
