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

describe("query_params_str_validations/tutorial005", () => {
  it("uses the default when q is not sent", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q: "fixedquery" });
  });

  it("uses the q that is sent", async () => {
    expect((await client.get("/items/?q=query")).json()).toEqual({ items, q: "query" });
  });

  it("still validates a q that is sent", async () => {
    const response = await client.get("/items/?q=fa");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "string_too_short", loc: ["query", "q"], msg: "String should have at least 3 characters", input: "fa", ctx: { min_length: 3 } },
      ],
    });
  });

  it("documents the default", async () => {
    expect(await parameters()).toEqual([
      { name: "q", in: "query", required: false, schema: { type: "string", minLength: 3, default: "fixedquery", title: "Q" } },
    ]);
  });
});
