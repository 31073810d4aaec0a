import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params_numeric_validations/tutorial005", () => {
  it("accepts item IDs above 0 and up to 1000", async () => {
    expect((await client.get("/items/1?q=")).json()).toEqual({ item_id: 1 });
    const top = await client.get("/items/1000?q=somequery");
    expect(top.status).toBe(200);
    expect(top.json()).toEqual({ item_id: 1000, q: "somequery" });
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

  it("rejects 0 with greater_than", async () => {
    const response = await client.get("/items/0?q=somequery");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "greater_than", loc: ["path", "item_id"], msg: "Input should be greater than 0", input: "0", ctx: { gt: 0 } }],
    });
  });

  it("rejects 1001 with less_than_equal", async () => {
    const response = await client.get("/items/1001?q=somequery");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "less_than_equal", loc: ["path", "item_id"], msg: "Input should be less than or equal to 1000", input: "1001", ctx: { le: 1000 } },
      ],
    });
  });

  it("requires q", async () => {
    const response = await client.get("/items/42");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: null }] });
  });

  it("documents an exclusive minimum and a maximum", async () => {
    const response = await client.get("/openapi.json");
    const operation = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>().paths["/items/{item_id}"]!.get;
    expect(operation.parameters).toEqual([
      {
        name: "item_id", in: "path", required: true,
        schema: { type: "integer", exclusiveMinimum: 0, maximum: 1000, title: "The ID of the item to get" },
      },
      { name: "q", in: "query", required: true, schema: { type: "string", title: "Q" } },
    ]);
  });
});
