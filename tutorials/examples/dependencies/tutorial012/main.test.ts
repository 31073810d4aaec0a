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

const valid = { "X-Token": "fake-super-secret-token", "X-Key": "fake-super-secret-key" };

describe("dependencies/tutorial012", () => {
  for (const path of ["/items/", "/users/"]) {
    it(`requires both headers on ${path}`, async () => {
      const response = await client.get(path);
      expect(response.status).toBe(422);
      expect(response.json()).toEqual({
        detail: [
          { type: "missing", loc: ["header", "x-token"], msg: "Field required", input: null },
          { type: "missing", loc: ["header", "x-key"], msg: "Field required", input: null },
        ],
      });
    });

    it(`checks the token, then the key, on ${path}`, async () => {
      const token = await client.get(path, { headers: { "X-Token": "invalid" } });
      expect(token.status).toBe(400);
      expect(token.json()).toEqual({ detail: "X-Token header invalid" });
      const key = await client.get(path, { headers: { "X-Token": "fake-super-secret-token", "X-Key": "invalid" } });
      expect(key.status).toBe(400);
      expect(key.json()).toEqual({ detail: "X-Key header invalid" });
    });
  }

  it("runs each handler when both headers pass", async () => {
    const items = await client.get("/items/", { headers: valid });
    expect(items.status).toBe(200);
    expect(items.json()).toEqual([{ item: "Portal Gun" }, { item: "Plumbus" }]);
    const users = await client.get("/users/", { headers: valid });
    expect(users.status).toBe(200);
    expect(users.json()).toEqual([{ username: "Rick" }, { username: "Morty" }]);
  });

  it("documents the headers on every operation", async () => {
    const parameters = [
      { name: "x-token", in: "header", required: true, schema: { type: "string", title: "X-Token" } },
      { name: "x-key", in: "header", required: true, schema: { type: "string", title: "X-Key" } },
    ];
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
