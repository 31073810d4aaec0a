import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const long = "This is an amazing item that has a long description";

describe("query_params/tutorial004", () => {
  it("reads two path parameters and two query parameters by name", async () => {
    expect((await client.get("/users/123/items/foo")).json()).toEqual({ item_id: "foo", owner_id: 123, description: long });
    expect((await client.get("/users/1/items/bar?q=somequery")).json()).toEqual({ item_id: "bar", owner_id: 1, q: "somequery", description: long });
    expect((await client.get("/users/1/items/baz?short=true")).json()).toEqual({ item_id: "baz", owner_id: 1 });
  });

  it("validates user_id as an integer", async () => {
    const response = await client.get("/users/me/items/foo");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "int_parsing", loc: ["path", "user_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "me" },
      ],
    });
  });

  it("documents the parameters in the order they are declared", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/users/{user_id}/items/{item_id}"]!.get).toMatchObject({
      summary: "Read User Item",
      operationId: "read_user_item_users__user_id__items__item_id__get",
    });
    expect(paths["/users/{user_id}/items/{item_id}"]!.get.parameters).toEqual([
      { name: "user_id", in: "path", required: true, schema: { type: "integer", title: "User Id" } },
      { name: "item_id", in: "path", required: true, schema: { type: "string", title: "Item Id" } },
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
      { name: "short", in: "query", required: false, schema: { type: "boolean", default: false, title: "Short" } },
    ]);
  });
});
