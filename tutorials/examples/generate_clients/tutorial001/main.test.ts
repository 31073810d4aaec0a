import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });

describe("generate_clients/tutorial001", () => {
  it("receives an item", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: 5 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "item received" });
  });

  it("lists the items", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Plumbus", price: 3 },
      { name: "Portal Gun", price: 9001 },
    ]);
  });

  it("documents what a client generator reads: operation ids, models, response schemas", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Get Items",
            operationId: "get_items_items__get",
            responses: {
              200: {
                description: "Successful Response",
                content: json({ title: "Response Get Items Items  Get", type: "array", items: ref("Item") }),
              },
            },
          },
          post: {
            summary: "Create Item",
            operationId: "create_item_items__post",
            requestBody: { content: json(ref("Item")), required: true },
            responses: {
              200: { description: "Successful Response", content: json(ref("ResponseMessage")) },
              422: { description: "Validation Error", content: json(ref("HTTPValidationError")) },
            },
          },
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
