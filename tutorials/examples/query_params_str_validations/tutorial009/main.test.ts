import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const items = [{ item_id: "Foo" }, { item_id: "Bar" }];

async function parameters(): Promise<unknown> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
  expect(paths["/items/"]!.get).toMatchObject({ summary: "Read Items", operationId: "read_items_items__get" });
  return paths["/items/"]!.get.parameters;
}

describe("query_params_str_validations/tutorial009", () => {
  it("q stays optional", async () => {
    expect((await client.get("/items/")).json()).toEqual({ items });
  });

  it("reads the value from item-query", async () => {
    const response = await client.get("/items/", { params: { "item-query": "fixedquery" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q: "fixedquery" });
  });

  it("ignores a parameter named q", async () => {
    const response = await client.get("/items/", { params: { q: "fixedquery" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items });
  });

  it("documents the alias as the parameter's name and title", async () => {
    expect(await parameters()).toEqual([
      {
        name: "item-query",
        in: "query",
        required: false,
        schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Item-Query" },
      },
    ]);
  });
});
