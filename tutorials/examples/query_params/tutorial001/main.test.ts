import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params/tutorial001", () => {
  it("uses the defaults skip=0 and limit=10 when the query is empty", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }]);
  });

  it("/items/?skip=0&limit=10 is the same as /items/", async () => {
    const response = await client.get("/items/?skip=0&limit=10");
    expect(response.json()).toEqual([{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }]);
  });

  it("converts skip and limit to integers", async () => {
    expect((await client.get("/items/?skip=1")).json()).toEqual([{ item_name: "Bar" }, { item_name: "Baz" }]);
    expect((await client.get("/items/?limit=1")).json()).toEqual([{ item_name: "Foo" }]);
    expect((await client.get("/items/", { params: { skip: 1, limit: 1 } })).json()).toEqual([{ item_name: "Bar" }]);
    expect((await client.get("/items/?skip=20")).json()).toEqual([]);
  });

  it("rejects a skip that is not an integer", async () => {
    const response = await client.get("/items/?skip=a&limit=b");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "int_parsing", loc: ["query", "skip"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "a" },
        { type: "int_parsing", loc: ["query", "limit"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "b" },
      ],
    });
  });

  it("documents two optional integer query parameters with their defaults", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get).toMatchObject({ summary: "Read Item", operationId: "read_item_items__get" });
    expect(paths["/items/"]!.get.parameters).toEqual([
      { name: "skip", in: "query", required: false, schema: { type: "integer", default: 0, title: "Skip" } },
      { name: "limit", in: "query", required: false, schema: { type: "integer", default: 10, title: "Limit" } },
    ]);
  });
});
