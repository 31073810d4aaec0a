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

describe("body_multiple_params/tutorial003", () => {
  it("reads a single value from the body next to the models", async () => {
    const response = await client.put("/items/5", { json: { importance: 2, item: { name: "Foo", price: 50.5 }, user: { username: "Dave" } } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      item_id: 5,
      importance: 2,
      item: { name: "Foo", price: 50.5, description: null, tax: null },
      user: { username: "Dave", full_name: null },
    });
  });

  it("requires every key of the body", async () => {
    const none = await client.put("/items/5");
    expect(none.status).toBe(422);
    expect(none.json()).toEqual({ detail: [missing("item"), missing("user"), missing("importance")] });
    const list = await client.put("/items/5", { json: [] });
    expect(list.status).toBe(422);
    expect(list.json()).toEqual({ detail: [missing("item"), missing("user"), missing("importance")] });
  });

  it("documents importance inside the body", async () => {
    const doc = await openapi();
    expect(doc.paths["/items/{item_id}"]!.put.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Body_update_item_items__item_id__put" } } },
      required: true,
    });
    expect(doc.components.schemas.Body_update_item_items__item_id__put).toEqual({
      title: "Body_update_item_items__item_id__put",
      type: "object",
      properties: {
        item: { $ref: "#/components/schemas/Item" },
        user: { $ref: "#/components/schemas/User" },
        importance: { title: "Importance", type: "integer" },
      },
      required: ["item", "user", "importance"],
    });
  });
});
