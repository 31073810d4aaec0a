import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params_numeric_validations/tutorial006", () => {
  it("accepts values inside the limits", async () => {
    const low = await client.get("/items/0?q=&size=0.1");
    expect(low.status).toBe(200);
    expect(low.json()).toEqual({ item_id: 0, size: 0.1 });
    const high = await client.get("/items/1000?q=somequery&size=10.4");
    expect(high.status).toBe(200);
    expect(high.json()).toEqual({ item_id: 1000, q: "somequery", size: 10.4 });
  });

  it("rejects an item ID below 0", async () => {
    const response = await client.get("/items/-1?q=somequery&size=5");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "greater_than_equal", loc: ["path", "item_id"], msg: "Input should be greater than or equal to 0", input: "-1", ctx: { ge: 0 } },
      ],
    });
  });

  it("rejects an item ID above 1000", async () => {
    const response = await client.get("/items/1001?q=somequery&size=5");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "less_than_equal", loc: ["path", "item_id"], msg: "Input should be less than or equal to 1000", input: "1001", ctx: { le: 1000 } },
      ],
    });
  });

  it("rejects a size of 0.0", async () => {
    const response = await client.get("/items/1?q=somequery&size=0.0");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "greater_than", loc: ["query", "size"], msg: "Input should be greater than 0", input: "0.0", ctx: { gt: 0 } }],
    });
  });

  it("rejects a size of 10.5, the excluded limit", async () => {
    const response = await client.get("/items/1?q=somequery&size=10.5");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "less_than", loc: ["query", "size"], msg: "Input should be less than 10.5", input: "10.5", ctx: { lt: 10.5 } }],
    });
  });

  it("documents every limit", async () => {
    const response = await client.get("/openapi.json");
    const operation = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>().paths["/items/{item_id}"]!.get;
    expect(operation).toMatchObject({ summary: "Read Items", operationId: "read_items_items__item_id__get" });
    expect(operation.parameters).toEqual([
      {
        name: "item_id", in: "path", required: true,
        schema: { type: "integer", minimum: 0, maximum: 1000, title: "The ID of the item to get" },
      },
      { name: "q", in: "query", required: true, schema: { type: "string", title: "Q" } },
      { name: "size", in: "query", required: true, schema: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 10.5, title: "Size" } },
    ]);
  });
});
