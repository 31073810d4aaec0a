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

describe("query_params_str_validations/tutorial001", () => {
  it("q is optional", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items });
  });

  it("q is echoed when sent", async () => {
    const response = await client.get("/items/", { params: { q: "query" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q: "query" });
  });

  it("documents q as an optional string", async () => {
    expect(await parameters()).toEqual([
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
    ]);
  });
});
