import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params/tutorial002", () => {
  it("q is optional", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: "foo" });
  });

  it("q is read from the query string", async () => {
    const response = await client.get("/items/foo?q=somequery");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: "foo", q: "somequery" });
  });

  it("documents item_id in the path and q in the query", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.get).toMatchObject({ summary: "Read Item", operationId: "read_item_items__item_id__get" });
    expect(paths["/items/{item_id}"]!.get.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
    ]);
  });
});
