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

describe("query_params_str_validations/tutorial004", () => {
  it("q stays optional", async () => {
    expect((await client.get("/items/")).json()).toEqual({ items });
  });

  it("accepts exactly fixedquery", async () => {
    const response = await client.get("/items/", { params: { q: "fixedquery" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q: "fixedquery" });
  });

  it("rejects anything else with the pattern in the error", async () => {
    const response = await client.get("/items/", { params: { q: "nonregexquery" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "string_pattern_mismatch",
          loc: ["query", "q"],
          msg: "String should match pattern '^fixedquery$'",
          input: "nonregexquery",
          ctx: { pattern: "^fixedquery$" },
        },
      ],
    });
  });

  it("documents the pattern", async () => {
    expect(await parameters()).toEqual([
      {
        name: "q",
        in: "query",
        required: false,
        schema: { anyOf: [{ type: "string", minLength: 3, maxLength: 50, pattern: "^fixedquery$" }, { type: "null" }], title: "Q" },
      },
    ]);
  });
});
