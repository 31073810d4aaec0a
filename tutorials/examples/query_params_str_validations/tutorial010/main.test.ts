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

const description = "Query string for the items to search in the database that have a good match";

describe("query_params_str_validations/tutorial010", () => {
  it("q stays optional", async () => {
    expect((await client.get("/items/")).json()).toEqual({ items });
  });

  it("reads item-query, not q", async () => {
    expect((await client.get("/items/", { params: { "item-query": "fixedquery" } })).json()).toEqual({ items, q: "fixedquery" });
    expect((await client.get("/items/", { params: { q: "fixedquery" } })).json()).toEqual({ items });
  });

  it("reports errors at the alias", async () => {
    const response = await client.get("/items/", { params: { "item-query": "nonregexquery" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "string_pattern_mismatch",
          loc: ["query", "item-query"],
          msg: "String should match pattern '^fixedquery$'",
          input: "nonregexquery",
          ctx: { pattern: "^fixedquery$" },
        },
      ],
    });
  });

  it("documents the parameter as deprecated, with its metadata and constraints", async () => {
    expect(await parameters()).toEqual([
      {
        name: "item-query",
        in: "query",
        description,
        required: false,
        deprecated: true,
        schema: {
          anyOf: [{ type: "string", minLength: 3, maxLength: 50, pattern: "^fixedquery$" }, { type: "null" }],
          title: "Query string",
          description,
          deprecated: true,
        },
      },
    ]);
  });
});
