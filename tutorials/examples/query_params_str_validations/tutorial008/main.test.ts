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

describe("query_params_str_validations/tutorial008", () => {
  it("answers as before", async () => {
    expect((await client.get("/items/")).json()).toEqual({ items });
    expect((await client.get("/items/?q=query")).json()).toEqual({ items, q: "query" });
  });

  it("validates the minimum length", async () => {
    const response = await client.get("/items/?q=fa");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "string_too_short", loc: ["query", "q"], msg: "String should have at least 3 characters", input: "fa", ctx: { min_length: 3 } },
      ],
    });
  });

  it("documents the title and the description", async () => {
    expect(await parameters()).toEqual([
      {
        name: "q",
        in: "query",
        description,
        required: false,
        schema: { anyOf: [{ type: "string", minLength: 3 }, { type: "null" }], title: "Query string", description },
      },
    ]);
  });
});
