import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

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

describe("body_multiple_params/tutorial004", () => {
  const body = { item: { name: "Foo", price: 50.5 }, user: { username: "Dave" } };

  it("reads the body and an optional query parameter", async () => {
    const response = await client.put("/items/5?q=bar", { json: { ...body, importance: 2 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 5,
      importance: 2,
      item: { name: "Foo", price: 50.5, description: null, tax: null },
      user: { username: "Dave", full_name: null },
      q: "bar",
    });
    const noQuery = await client.put("/items/5", { json: { ...body, importance: 2 } });
    expect(noQuery.json()).not.toHaveProperty("q");
  });

  it("validates the body value like any other parameter", async () => {
    const response = await client.put("/items/5", { json: { ...body, importance: 0 } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "greater_than", loc: ["body", "importance"], msg: "Input should be greater than 0", input: 0, ctx: { gt: 0 } }],
    });
  });

  it("requires every key of the body", async () => {
    const none = await client.put("/items/5");
    expect(none.status).toBe(422);
    expect(none.json()).toEqual({ detail: [missing("item"), missing("user"), missing("importance")] });
  });

  it("documents q as a query parameter and importance in the body", async () => {
    const doc = await openapi();
    expect(doc.paths["/items/{item_id}"]!.put.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", title: "Item Id" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
    ]);
    expect(doc.components.schemas.Body_update_item_items__item_id__put).toEqual({
      title: "Body_update_item_items__item_id__put",
      type: "object",
      properties: {
        item: { $ref: "#/components/schemas/Item" },
        user: { $ref: "#/components/schemas/User" },
        importance: { title: "Importance", type: "integer", exclusiveMinimum: 0 },
      },
      required: ["item", "user", "importance"],
    });
  });
});
