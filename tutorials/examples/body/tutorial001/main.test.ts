import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("body/tutorial001", () => {
  it("receives the JSON body as the item and fills the optional fields", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: 50.5 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", price: 50.5, description: null, tax: null });
  });

  it("converts a numeric string to a number", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: "50.5" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", price: 50.5, description: null, tax: null });
  });

  it("keeps the optional fields that are sent", async () => {
    const withDescription = await client.post("/items/", { json: { name: "Foo", price: "50.5", description: "Some Foo" } });
    expect(withDescription.json()).toEqual({ name: "Foo", price: 50.5, description: "Some Foo", tax: null });
    const withTax = await client.post("/items/", { json: { name: "Foo", price: "50.5", description: "Some Foo", tax: 0.3 } });
    expect(withTax.json()).toEqual({ name: "Foo", price: 50.5, description: "Some Foo", tax: 0.3 });
  });

  it("reports a missing field, echoing the object it was missing from", async () => {
    const response = await client.post("/items/", { json: { name: "Foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "price"], msg: "Field required", input: { name: "Foo" } }],
    });
  });

  it("reports a price that is not a number", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: "twenty" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "float_parsing", loc: ["body", "price"], msg: "Input should be a valid number, unable to parse string as a number", input: "twenty" },
      ],
    });
  });

  it("reports every missing field of an empty object", async () => {
    const response = await client.post("/items/", { json: {} });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "missing", loc: ["body", "name"], msg: "Field required", input: {} },
        { type: "missing", loc: ["body", "price"], msg: "Field required", input: {} },
      ],
    });
  });

  it("reports a missing body", async () => {
    const response = await client.post("/items/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
  });

  it("reports malformed JSON with the position of the error", async () => {
    const response = await client.post("/items/", { headers: { "content-type": "application/json" }, content: "{some broken json}" });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "json_invalid",
          loc: ["body", 1],
          msg: "JSON decode error",
          input: {},
          ctx: { error: "Expecting property name enclosed in double quotes" },
        },
      ],
    });
  });

  it("does not read a form as the JSON model", async () => {
    const response = await client.post("/items/", { data: { name: "Foo", price: 50.5 } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: "name=Foo&price=50.5" },
      ],
    });
  });

  it("accepts application/json and application/*+json content types", async () => {
    const body = '{"name": "Foo", "price": 50.5}';
    const json = await client.post("/items/", { content: body, headers: { "Content-Type": "application/json" } });
    expect(json.status).toBe(200);
    const geo = await client.post("/items/", { content: body, headers: { "Content-Type": "application/geo+json" } });
    expect(geo.status).toBe(200);
    expect(geo.json()).toEqual({ name: "Foo", description: null, price: 50.5, tax: null });
  });

  it("does not parse other content types, or none, as JSON", async () => {
    const body = '{"name": "Foo", "price": 50.5}';
    const notJson = {
      detail: [
        { type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: body },
      ],
    };
    for (const type of ["text/plain", "application/geo+json-seq", "application/not-really-json"]) {
      const response = await client.post("/items/", { content: body, headers: { "Content-Type": type } });
      expect(response.status).toBe(422);
      expect(response.json()).toEqual(notJson);
    }
    const none = await client.post("/items/", { content: body });
    expect(none.status).toBe(422);
    expect(none.json()).toEqual(notJson);
  });

  it("documents the model as a request body and a named schema", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          post: {
            summary: "Create Item",
            operationId: "create_item_items__post",
            requestBody: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
              required: true,
            },
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
          Item: {
            title: "Item",
            type: "object",
            properties: {
              name: { title: "Name", type: "string" },
              description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
              price: { title: "Price", type: "number" },
              tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
            },
            required: ["name", "price"],
          },
          HTTPValidationError: {
            title: "HTTPValidationError",
            type: "object",
            properties: {
              detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } },
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
