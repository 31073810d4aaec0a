import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const created = (model: string) => ({
  requestBody: { content: json(ref(model)), required: true },
  responses: {
    200: { description: "Successful Response", content: json(ref("ResponseMessage")) },
    422: { description: "Validation Error", content: json(ref("HTTPValidationError")) },
  },
});
const ids = { getItems: "get_items", createItem: "create_item", createUser: "create_user" };

describe("generate_clients/tutorial004", () => {
  it("receives an item and a user", async () => {
    const item = await client.post("/items/", { json: { name: "Foo", price: 5 } });
    expect(item.status).toBe(200);
    expect(item.json()).toEqual({ message: "Item received" });
    const user = await client.post("/users/", { json: { username: "Foo", email: "foo@example.com" } });
    expect(user.status).toBe(200);
    expect(user.json()).toEqual({ message: "User received" });
  });

  it("lists the items", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Plumbus", price: 3 },
      { name: "Portal Gun", price: 9001 },
    ]);
  });

  it("serves the preprocessed document: operation ids without their tag prefix", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            tags: ["items"],
            summary: "Get Items",
            operationId: ids.getItems,
            responses: {
              200: {
                description: "Successful Response",
                content: json({ title: "Response Items-Get Items", type: "array", items: ref("Item") }),
              },
            },
          },
          post: { tags: ["items"], summary: "Create Item", operationId: ids.createItem, ...created("Item") },
        },
        "/users/": {
          post: { tags: ["users"], summary: "Create User", operationId: ids.createUser, ...created("User") },
        },
      },
      components: {
        schemas: {
          HTTPValidationError: {
            title: "HTTPValidationError",
            type: "object",
            properties: { detail: { title: "Detail", type: "array", items: ref("ValidationError") } },
          },
          Item: {
            title: "Item",
            required: ["name", "price"],
            type: "object",
            properties: { name: { title: "Name", type: "string" }, price: { title: "Price", type: "number" } },
          },
          ResponseMessage: {
            title: "ResponseMessage",
            required: ["message"],
            type: "object",
            properties: { message: { title: "Message", type: "string" } },
          },
          User: {
            title: "User",
            required: ["username", "email"],
            type: "object",
            properties: { username: { title: "Username", type: "string" }, email: { title: "Email", type: "string" } },
          },
          ValidationError: {
            title: "ValidationError",
            required: ["loc", "msg", "type"],
            type: "object",
            properties: {
              loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
              msg: { title: "Message", type: "string" },
              type: { title: "Error Type", type: "string" },
              input: { title: "Input" },
              ctx: { title: "Context", type: "object" },
            },
          },
        },
      },
    });
  });
});
