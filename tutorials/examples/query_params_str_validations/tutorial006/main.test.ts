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

describe("query_params_str_validations/tutorial006", () => {
  it("q is required", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: null }],
    });
  });

  it("answers when q is sent", async () => {
    const response = await client.get("/items/", { params: { q: "fixedquery" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q: "fixedquery" });
  });

  it("validates its length", async () => {
    const response = await client.get("/items/", { params: { q: "fa" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "string_too_short", loc: ["query", "q"], msg: "String should have at least 3 characters", input: "fa", ctx: { min_length: 3 } },
      ],
    });
  });

  it("documents q as required", async () => {
    expect(await parameters()).toEqual([
      { name: "q", in: "query", required: true, schema: { type: "string", minLength: 3, title: "Q" } },
    ]);
  });
});
