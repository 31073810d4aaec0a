import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const itemSchema = {
  title: "Item",
  type: "object",
  properties: {
    name: { title: "Name", type: "string" },
    description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
    price: { title: "Price", type: "number" },
    tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
  },
  required: ["name", "price"],
};

const userSchema = {
  title: "User",
  type: "object",
  properties: {
    username: { title: "Username", type: "string" },
    full_name: { title: "Full Name", anyOf: [{ type: "string" }, { type: "null" }] },
  },
  required: ["username"],
};

interface Doc {
  paths: Record<string, { put: Record<string, unknown> }>;
  components: { schemas: Record<string, unknown> };
}

async function openapi(): Promise<Doc> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  const doc = response.json<Doc>();
  expect(doc.paths["/items/{item_id}"]!.put).toMatchObject({ summary: "Update Item", operationId: "update_item_items__item_id__put" });
  return doc;
}

const missing = (...loc: string[]) => ({ type: "missing", loc: ["body", ...loc], msg: "Field required", input: null });

describe("body_multiple_params/tutorial002", () => {
  it("reads two body parameters, each under its own key", async () => {
    const response = await client.put("/items/5", {
      json: { item: { name: "Foo", price: 50.5, description: "Some Foo", tax: 0.1 }, user: { username: "johndoe", full_name: "John Doe" } },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 5,
      item: { name: "Foo", price: 50.5, description: "Some Foo", tax: 0.1 },
      user: { username: "johndoe", full_name: "John Doe" },
    });
  });

  it("fills the defaults of both", async () => {
    const response = await client.put("/items/5", { json: { item: { name: "Foo", price: 50.5 }, user: { username: "johndoe" } } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 5,
      item: { name: "Foo", price: 50.5, description: null, tax: null },
      user: { username: "johndoe", full_name: null },
    });
  });

  it("requires both keys", async () => {
    const none = await client.put("/items/5");
    expect(none.status).toBe(422);
    expect(none.json()).toEqual({ detail: [missing("item"), missing("user")] });
    const noItem = await client.put("/items/5", { json: { user: { username: "johndoe" } } });
    expect(noItem.json()).toEqual({ detail: [missing("item")] });
    const noUser = await client.put("/items/5", { json: { item: { name: "Foo", price: 50.5 } } });
    expect(noUser.json()).toEqual({ detail: [missing("user")] });
  });

  it("points inside each model", async () => {
    const noPrice = await client.put("/items/5", { json: { item: { name: "Foo" }, user: { username: "johndoe" } } });
    expect(noPrice.status).toBe(422);
    expect(noPrice.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "item", "price"], msg: "Field required", input: { name: "Foo" } }] });
    const noUsername = await client.put("/items/5", { json: { item: { name: "Foo", price: 50.5 }, user: { ful_name: "John Doe" } } });
    expect(noUsername.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "user", "username"], msg: "Field required", input: { ful_name: "John Doe" } }],
    });
  });

  it("validates the path too", async () => {
    const response = await client.put("/items/foo", { json: { item: { name: "Foo", price: 50.5 }, user: { username: "johndoe" } } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" },
      ],
    });
  });

  it("documents one body object with both models", async () => {
    const doc = await openapi();
    const operation = doc.paths["/items/{item_id}"]!.put;
    expect(operation.parameters).toEqual([{ name: "item_id", in: "path", required: true, schema: { type: "integer", title: "Item Id" } }]);
    expect(operation.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Body_update_item_items__item_id__put" } } },
      required: true,
    });
    expect(doc.components.schemas).toMatchObject({
      Body_update_item_items__item_id__put: {
        title: "Body_update_item_items__item_id__put",
        type: "object",
        properties: { item: { $ref: "#/components/schemas/Item" }, user: { $ref: "#/components/schemas/User" } },
        required: ["item", "user"],
      },
      Item: itemSchema,
      User: userSchema,
    });
  });
});
