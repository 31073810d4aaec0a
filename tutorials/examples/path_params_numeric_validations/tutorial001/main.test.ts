import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params_numeric_validations/tutorial001", () => {
  it("reads the item ID from the path and q from item-query", async () => {
    const plain = await client.get("/items/42");
    expect(plain.status).toBe(200);
    expect(plain.json()).toEqual({ item_id: 42 });
    const withQuery = await client.get("/items/123?item-query=somequery");
    expect(withQuery.status).toBe(200);
    expect(withQuery.json()).toEqual({ item_id: 123, q: "somequery" });
  });

  it("rejects an item ID that is not an integer", async () => {
    const response = await client.get("/items/invalid_id");
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

  it("documents the path parameter's title and the query alias", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const operation = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>().paths["/items/{item_id}"]!.get;
    expect(operation).toMatchObject({ summary: "Read Items", operationId: "read_items_items__item_id__get" });
    expect(operation.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", title: "The ID of the item to get" } },
      { name: "item-query", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Item-Query" } },
    ]);
  });
});
