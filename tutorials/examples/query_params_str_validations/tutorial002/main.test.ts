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

describe("query_params_str_validations/tutorial002", () => {
  it("q stays optional", async () => {
    expect((await client.get("/items/")).json()).toEqual({ items });
  });

  it("accepts a q of up to 50 characters", async () => {
    const q = "x".repeat(50);
    const response = await client.get("/items/", { params: { q } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q });
  });

  it("rejects a longer q", async () => {
    const q = "x".repeat(51);
    const response = await client.get("/items/", { params: { q } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "string_too_long", loc: ["query", "q"], msg: "String should have at most 50 characters", input: q, ctx: { max_length: 50 } },
      ],
    });
  });

  it("documents maxLength", async () => {
    expect(await parameters()).toEqual([
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string", maxLength: 50 }, { type: "null" }], title: "Q" } },
    ]);
  });
});
