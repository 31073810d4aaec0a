import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const long = "This is an amazing item that has a long description";

describe("query_params/tutorial003", () => {
  it("short defaults to false", async () => {
    expect((await client.get("/items/foo")).json()).toEqual({ item_id: "foo", description: long });
    expect((await client.get("/items/bar?q=somequery")).json()).toEqual({ item_id: "bar", q: "somequery", description: long });
  });

  it("reads 1, True, true, on and yes (any case) as true", async () => {
    for (const word of ["1", "True", "true", "on", "yes", "YES", "On"]) {
      const response = await client.get(`/items/baz?short=${word}`);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ item_id: "baz" });
    }
  });

  it("reads 0, false, off and no as false", async () => {
    for (const word of ["0", "False", "false", "off", "no"]) {
      expect((await client.get(`/items/baz?short=${word}`)).json()).toEqual({ item_id: "baz", description: long });
    }
  });

  it("rejects words that are not booleans", async () => {
    const response = await client.get("/items/baz?short=maybe");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "bool_parsing", loc: ["query", "short"], msg: "Input should be a valid boolean, unable to interpret input", input: "maybe" },
      ],
    });
  });

  it("documents short as a boolean defaulting to false", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.get.parameters).toEqual([
      { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
      { name: "short", in: "query", required: false, schema: { type: "boolean", default: false, title: "Short" } },
    ]);
  });
});
