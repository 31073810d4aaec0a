import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("body/tutorial003", () => {
  it("takes item_id from the path and the item from the body", async () => {
    const response = await client.put("/items/123", { json: { name: "Foo", price: 50.1 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item_id: 123, name: "Foo", price: 50.1, description: null, tax: null });
  });

  it("validates both sources and reports each error at its location", async () => {
    const response = await client.put("/items/foo", { json: { name: "Foo" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" },
        { type: "missing", loc: ["body", "price"], msg: "Field required", input: { name: "Foo" } },
      ],
    });
  });

  it("documents a path parameter and a request body", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { put: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.put).toMatchObject({
      summary: "Update Item",
      operationId: "update_item_items__item_id__put",
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } }, required: true },
    });
    expect(paths["/items/{item_id}"]!.put.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "integer", title: "Item Id" } },
    ]);
  });
});
