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

describe("additional_responses/tutorial004", () => {
  it("answers the item", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: "foo", value: "there goes my hero" });
  });

  it("answers the image when asked", async () => {
    const response = await client.get("/items/foo?img=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.content.length).toBeGreaterThan(0);
    expect([...response.content.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  });

  it("documents the shared responses next to the operation's own", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(documented([itemIdParam, imgParam], {
      "404": { description: "Item not found" },
      "302": { description: "The item was moved" },
      "403": { description: "Not enough privileges" },
      "200": {
        description: "Successful Response",
        content: { "image/png": {}, "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      },
      "422": error422,
    }, { Item }));
  });
});
