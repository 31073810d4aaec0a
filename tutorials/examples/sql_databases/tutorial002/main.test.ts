import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const validationError = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};
const heroPublicResponse = {
  description: "Successful Response",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HeroPublic" } } },
};
const heroIdParam = { name: "hero_id", in: "path", required: true, schema: { type: "integer", title: "Hero Id" } };
const nullable = (type: string, title: string) => ({ anyOf: [{ type }, { type: "null" }], title });

describe("sql_databases/tutorial002", () => {
  it("creates, reads, pages through, updates and deletes heroes, never showing a secret name", async () => {
    await using client = await TestClient.with(app);

    let response = await client.get("/heroes/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([]);

    // The id a client sends is ignored: HeroCreate has no id, and the database picks one.
    response = await client.post("/heroes/", { json: { id: 9000, name: "Dead Pond", age: 30, secret_name: "Dive Wilson" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ age: 30, id: expect.any(Number), name: "Dead Pond" });
    const hero_id = response.json<{ id: number }>().id;
    expect(hero_id).not.toBe(9000);

    response = await client.get(`/heroes/${hero_id}`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Dead Pond", age: 30, id: hero_id });

    response = await client.post("/heroes/", { json: { name: "Spider-Boy", age: 18, secret_name: "Pedro Parqueador" } });
    expect(response.status).toBe(200);
    response = await client.post("/heroes/", { json: { name: "Rusty-Man", secret_name: "Tommy Sharp" } });
    expect(response.status).toBe(200);

    response = await client.get("/heroes/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Dead Pond", age: 30, id: hero_id },
      { name: "Spider-Boy", age: 18, id: expect.any(Number) },
      { name: "Rusty-Man", age: null, id: expect.any(Number) },
    ]);

    response = await client.get("/heroes/?offset=1&limit=1");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ name: "Spider-Boy", age: 18, id: expect.any(Number) }]);

    response = await client.patch(`/heroes/${hero_id}`, { json: { name: "Dog Pond", age: null } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Dog Pond", age: null, id: hero_id });

    response = await client.get(`/heroes/${hero_id}`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Dog Pond", age: null, id: hero_id });

    response = await client.delete(`/heroes/${hero_id}`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });

    response = await client.get(`/heroes/${hero_id}`);
    expect(response.status).toBe(404);

    response = await client.delete(`/heroes/${hero_id}`);
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Hero not found" });

    response = await client.patch(`/heroes/${hero_id}`, { json: { name: "Dog Pond" } });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Hero not found" });
  });

  it("changes only the fields a PATCH sends", async () => {
    await using client = await TestClient.with(app);
    const created = await client.post("/heroes/", { json: { name: "Tarantula", age: 32, secret_name: "Natalia Roman-on" } });
    const { id } = created.json<{ id: number }>();

    const response = await client.patch(`/heroes/${id}`, { json: { age: 33 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Tarantula", age: 33, id });
  });

  it("documents separate models for creating, updating and reading heroes", async () => {
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
            requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/HeroCreate" } } } },
            responses: { "200": heroPublicResponse, "422": validationError },
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
                    schema: { type: "array", items: { $ref: "#/components/schemas/HeroPublic" }, title: "Response Read Heroes Heroes  Get" },
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
            responses: { "200": heroPublicResponse, "422": validationError },
          },
          patch: {
            summary: "Update Hero",
            operationId: "update_hero_heroes__hero_id__patch",
            parameters: [heroIdParam],
            requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/HeroUpdate" } } } },
            responses: { "200": heroPublicResponse, "422": validationError },
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
          HeroCreate: {
            title: "HeroCreate",
            type: "object",
            properties: {
              name: { type: "string", title: "Name" },
              age: nullable("integer", "Age"),
              secret_name: { type: "string", title: "Secret Name" },
            },
            required: ["name", "secret_name"],
          },
          HeroPublic: {
            title: "HeroPublic",
            type: "object",
            properties: {
              name: { type: "string", title: "Name" },
              age: nullable("integer", "Age"),
              id: { type: "integer", title: "Id" },
            },
            required: ["name", "id"],
          },
          HeroUpdate: {
            title: "HeroUpdate",
            type: "object",
            properties: {
              name: nullable("string", "Name"),
              age: nullable("integer", "Age"),
              secret_name: nullable("string", "Secret Name"),
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
