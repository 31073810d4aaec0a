import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params_numeric_validations/tutorial004", () => {
  it("accepts item IDs from 1 up", async () => {
    expect((await client.get("/items/42?q=")).json()).toEqual({ item_id: 42 });
    const one = await client.get("/items/1?q=somequery");
    expect(one.status).toBe(200);
    expect(one.json()).toEqual({ item_id: 1, q: "somequery" });
  });

  it("rejects an item ID that is not an integer", async () => {
    const response = await client.get("/items/invalid_id?q=somequery");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "int_parsing",
          loc: ["path", "item_id"],
          msg: "Input should be a valid integer, unable to parse string as an integer",
          input: "invalid_id",
        },
      ],
    });
  });

  it("rejects 0 with greater_than_equal", async () => {
    const response = await client.get("/items/0?q=somequery");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "greater_than_equal", loc: ["path", "item_id"], msg: "Input should be greater than or equal to 1", input: "0", ctx: { ge: 1 } },
      ],
    });
  });

  it("requires q", async () => {
    const response = await client.get("/items/42");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: null }] });
  });

  it("documents the minimum", async () => {
    const response = await client.get("/openapi.json");
    const operation = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>().paths["/items/{item_id}"]!.get;
    expect(operation.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", minimum: 1, title: "The ID of the item to get" } },
      { name: "q", in: "query", required: true, schema: { type: "string", title: "Q" } },
    ]);
  });
});
