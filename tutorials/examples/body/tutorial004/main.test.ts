import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("body/tutorial004", () => {
  it("combines path, body and query", async () => {
    const response = await client.put("/items/123?q=somequery", { json: { name: "Foo", price: 50.1 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 123, name: "Foo", price: 50.1, description: null, tax: null, q: "somequery" });
  });

  it("leaves q out when it is not sent", async () => {
    const response = await client.put("/items/123", { json: { name: "Foo", price: 50.1, description: "Some Foo", tax: 0.3 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 123, name: "Foo", price: 50.1, description: "Some Foo", tax: 0.3 });
  });

  it("reports a missing body", async () => {
    const response = await client.put("/items/123");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
  });

  it("documents the path and query parameters and the body", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { put: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.put).toMatchObject({
      summary: "Update Item",
      operationId: "update_item_items__item_id__put",
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
    });
    expect(paths["/items/{item_id}"]!.put.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", title: "Item Id" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
    ]);
  });
});
