import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const Item = {
  title: "Item",
  type: "object",
  properties: { id: { title: "Id", type: "string" }, value: { title: "Value", type: "string" } },
  required: ["id", "value"],
};
const Message = {
  title: "Message",
  type: "object",
  properties: { message: { title: "Message", type: "string" } },
  required: ["message"],
};
const validation = {
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
const error422 = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};
const itemIdParam = { name: "item_id", in: "path", required: true, schema: { title: "Item Id", type: "string" } };
const imgParam = { name: "img", in: "query", required: false, schema: { title: "Img", anyOf: [{ type: "boolean" }, { type: "null" }] } };

function documented(parameters: object[], responses: object, schemas: object) {
  return {
    openapi: "3.1.0",
    info: { title: "FastAPI", version: "0.1.0" },
    paths: {
      "/items/{item_id}": { get: { summary: "Read Item", operationId: "read_item_items__item_id__get", parameters, responses } },
    },
    components: { schemas: { ...schemas, ...validation } },
  };
}

describe("additional_responses/tutorial003", () => {
  it("answers the item", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: "foo", value: "there goes my hero" });
  });

  it("answers a 404 message for another item", async () => {
    const response = await client.get("/items/bar");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ message: "Item not found" });
  });

  it("combines the response model, the descriptions and the example", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented([itemIdParam], {
      "404": {
        description: "The item was not found",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Message" } } },
      },
      "200": {
        description: "Item requested by ID",
        content: {
          "application/json": { schema: { $ref: "#/components/schemas/Item" }, example: { id: "bar", value: "The bar tenders" } },
        },
      },
      "422": error422,
    }, { Item, Message }));
  });
});
