import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const items = [{ item_id: "Foo" }, { item_id: "Bar" }];

describe("query_params_str_validations/tutorial006c", () => {
  it("q is required, although its type allows null", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: null }],
    });
  });

  it("answers when q is sent", async () => {
    const response = await client.get("/items/", { params: { q: "query" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ items, q: "query" });
  });

  it("still checks the length of a q that is sent, even an empty one", async () => {
    for (const q of ["fa", ""]) {
      const response = await client.get("/items/", { params: { q } });
      expect(response.status).toBe(422);
      expect(response.json()).toEqual({
        detail: [
          { type: "string_too_short", loc: ["query", "q"], msg: "String should have at least 3 characters", input: q, ctx: { min_length: 3 } },
        ],
      });
    }
  });

  it("documents a required parameter that may be null", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get.parameters).toEqual([
      { name: "q", in: "query", required: true, schema: { anyOf: [{ type: "string", minLength: 3 }, { type: "null" }], title: "Q" } },
    ]);
  });
});
