import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params_numeric_validations/tutorial002", () => {
  it("reads both parameters, whatever their order in params", async () => {
    const empty = await client.get("/items/42?q=");
    expect(empty.status).toBe(200);
    expect(empty.json()).toEqual({ item_id: 42 });
    const withQuery = await client.get("/items/123?q=somequery");
    expect(withQuery.status).toBe(200);
    expect(withQuery.json()).toEqual({ item_id: 123, q: "somequery" });
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

  it("requires q", async () => {
    const response = await client.get("/items/42");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: null }] });
  });

  it("documents the path parameter first", async () => {
    const response = await client.get("/openapi.json");
    const operation = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>().paths["/items/{item_id}"]!.get;
    expect(operation.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", title: "The ID of the item to get" } },
      { name: "q", in: "query", required: true, schema: { type: "string", title: "Q" } },
    ]);
  });
});
