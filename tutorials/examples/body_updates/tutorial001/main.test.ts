import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const client = new TestClient(app);

describe("body_updates/tutorial001", () => {
  it("reads a stored item, filling its defaults", async () => {
    const response = await client.get("/items/baz");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] });
  });

  it("replaces the whole item: a field left out gets its default back", async () => {
    const response = await client.put("/items/bar", { json: { name: "Barz", price: 3, description: null } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Barz", description: null, price: 3, tax: 10.5, tags: [] });
    const stored = await client.get("/items/bar");
    expect(stored.json()).toEqual({ name: "Barz", description: null, price: 3, tax: 10.5, tags: [] });
  });

  it("rejects an invalid item", async () => {
    const response = await client.put("/items/foo", { json: { name: "Foo", price: "cheap" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "float_parsing",
          loc: ["body", "price"],
          msg: "Input should be a valid number, unable to parse string as a number",
          input: "cheap",
        },
      ],
    });
  });

  it("documents Item for the body and both responses", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    const item = { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } };
    expect(openapi.paths).toHaveProperty(["/items/{item_id}", "get", "responses", "200"], item);
    expect(openapi.paths).toHaveProperty(["/items/{item_id}", "put", "responses", "200"], item);
    expect(openapi.paths).toHaveProperty(["/items/{item_id}", "put", "requestBody"], {
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      required: true,
    });
    expect(openapi.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", anyOf: [{ type: "string" }, { type: "null" }] },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", anyOf: [{ type: "number" }, { type: "null" }] },
        tax: { title: "Tax", type: "number", default: 10.5 },
        tags: { title: "Tags", type: "array", items: { type: "string" }, default: [] },
      },
    });
  });
});
