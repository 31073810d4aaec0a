import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("body/tutorial002", () => {
  it("adds price_with_tax when a tax is sent", async () => {
    for (const price of ["50.5", 50.5]) {
      const response = await client.post("/items/", { json: { name: "Foo", price, description: "Some Foo", tax: 0.3 } });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ name: "Foo", price: 50.5, description: "Some Foo", tax: 0.3, price_with_tax: 50.8 });
    }
  });

  it("leaves it out without a tax", async () => {
    for (const price of ["50.5", 50.5]) {
      const response = await client.post("/items/", { json: { name: "Foo", price, description: "Some Foo" } });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ name: "Foo", price: 50.5, description: "Some Foo", tax: null });
    }
  });

  it("reports the missing required fields", async () => {
    const response = await client.post("/items/", { json: {} });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "missing", loc: ["body", "name"], msg: "Field required", input: {} },
        { type: "missing", loc: ["body", "price"], msg: "Field required", input: {} },
      ],
    });
  });

  it("documents the Item schema", async () => {
    const response = await client.get("/openapi.json");
    const doc = response.json<{ paths: Record<string, { post: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.paths["/items/"]!.post.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      required: true,
    });
    expect(doc.components.schemas.Item).toEqual({
      title: "Item",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        description: { title: "Description", anyOf: [{ type: "string" }, { type: "null" }] },
        price: { title: "Price", type: "number" },
        tax: { title: "Tax", anyOf: [{ type: "number" }, { type: "null" }] },
      },
      required: ["name", "price"],
    });
  });
});
