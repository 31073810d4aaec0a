import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const validationError = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};
const heroResponse = {
  description: "Successful Response",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Hero" } } },
};
const heroIdParam = { name: "hero_id", in: "path", required: true, schema: { type: "integer", title: "Hero Id" } };

describe("sql_databases/tutorial001", () => {
  it("creates, reads, pages through and deletes heroes", async () => {
    await using client = await TestClient.with(app);

    let response = await client.get("/heroes/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([]);

    // This version lets the client choose the id.
    response = await client.post("/heroes/", { json: { id: 999, name: "Dead Pond", age: 30, secret_name: "Dive Wilson" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: 999, name: "Dead Pond", age: 30, secret_name: "Dive Wilson" });

    response = await client.get("/heroes/999");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: 999, name: "Dead Pond", age: 30, secret_name: "Dive Wilson" });

    response = await client.post("/heroes/", { json: { name: "Spider-Boy", age: 18, secret_name: "Pedro Parqueador" } });
    expect(response.status).toBe(200);
    response = await client.post("/heroes/", { json: { name: "Rusty-Man", secret_name: "Tommy Sharp" } });
    expect(response.status).toBe(200);

    response = await client.get("/heroes/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Dead Pond", age: 30, id: 999, secret_name: "Dive Wilson" },
      { name: "Spider-Boy", age: 18, id: expect.any(Number), secret_name: "Pedro Parqueador" },
      { name: "Rusty-Man", age: null, id: expect.any(Number), secret_name: "Tommy Sharp" },
    ]);

    response = await client.get("/heroes/?offset=1&limit=1");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ name: "Spider-Boy", age: 18, id: expect.any(Number), secret_name: "Pedro Parqueador" }]);

    response = await client.delete("/heroes/999");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });

    response = await client.get("/heroes/999");
    expect(response.status).toBe(404);

    response = await client.delete("/heroes/999");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Hero not found" });
  });

  it("rejects a page larger than 100 heroes", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/heroes/?limit=101");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{
        type: "less_than_equal",
        loc: ["query", "limit"],
        msg: "Input should be less than or equal to 100",
        input: "101",
        ctx: { le: 100 },
      }],
    });
  });

  it("documents the hero model for requests and responses", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/heroes/": {
          post: {
            summary: "Create Hero",
            operationId: "create_hero_heroes__post",
            requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Hero" } } } },
            responses: { "200": heroResponse, "422": validationError },
          },
          get: {
            summary: "Read Heroes",
            operationId: "read_heroes_heroes__get",
            parameters: [
              { name: "offset", in: "query", required: false, schema: { type: "integer", default: 0, title: "Offset" } },
              { name: "limit", in: "query", required: false, schema: { type: "integer", maximum: 100, default: 100, title: "Limit" } },
            ],
            responses: {
              "200": {
                description: "Successful Response",
                content: {
                  "application/json": {
                    schema: { type: "array", items: { $ref: "#/components/schemas/Hero" }, title: "Response Read Heroes Heroes  Get" },
                  },
                },
              },
              "422": validationError,
            },
          },
        },
        "/heroes/{hero_id}": {
          get: {
            summary: "Read Hero",
            operationId: "read_hero_heroes__hero_id__get",
            parameters: [heroIdParam],
            responses: { "200": heroResponse, "422": validationError },
          },
          delete: {
            summary: "Delete Hero",
            operationId: "delete_hero_heroes__hero_id__delete",
            parameters: [heroIdParam],
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
              "422": validationError,
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
          Hero: {
            title: "Hero",
            type: "object",
            properties: {
              id: { anyOf: [{ type: "integer" }, { type: "null" }], title: "Id" },
              name: { type: "string", title: "Name" },
              age: { anyOf: [{ type: "integer" }, { type: "null" }], title: "Age" },
              secret_name: { type: "string", title: "Secret Name" },
            },
            required: ["name", "secret_name"],
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
