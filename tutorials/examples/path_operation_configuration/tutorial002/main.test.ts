import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("path_operation_configuration/tutorial002", () => {
  it("creates an item", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: 42 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", description: null, price: 42, tax: null, tags: [] });
  });

  it("answers the items and the users", async () => {
    expect((await client.get("/items/")).json()).toEqual([{ name: "Foo", price: 42 }]);
    expect((await client.get("/users/")).json()).toEqual([{ username: "johndoe" }]);
  });

  it("documents the tags of each operation", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    const ok = { description: "Successful Response", content: { "application/json": { schema: {} } } };
    expect(openapi.paths).toEqual({
      "/items/": {
        get: { tags: ["items"], summary: "Read Items", operationId: "read_items_items__get", responses: { "200": ok } },
        post: {
          tags: ["items"],
          summary: "Create Item",
          operationId: "create_item_items__post",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
          responses: {
            "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
      "/users/": {
        get: { tags: ["users"], summary: "Read Users", operationId: "read_users_users__get", responses: { "200": ok } },
      },
    });
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
        tags: { title: "Tags", type: "array", items: { type: "string" }, uniqueItems: true, default: [] },
      },
      required: ["name", "price"],
    });
  });
});
