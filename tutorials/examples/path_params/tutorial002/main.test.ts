import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const intParsing = (input: string) => ({
  detail: [
    {
      type: "int_parsing",
      loc: ["path", "item_id"],
      msg: "Input should be a valid integer, unable to parse string as an integer",
      input,
    },
  ],
});

describe("path_params/tutorial002", () => {
  it("converts the path segment to an integer", async () => {
    for (const n of [-10, 0, 3, 10]) {
      const response = await client.get(`/items/${n}`);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ item_id: n });
    }
  });

  it("rejects a word with int_parsing", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual(intParsing("foo"));
  });

  it("rejects a float the same way", async () => {
    for (const value of ["4.2", "-3.14", "3.14"]) {
      const response = await client.get(`/items/${value}`);
      expect(response.status).toBe(422);
      expect(response.json()).toEqual(intParsing(value));
    }
  });

  it("reports the decoded segment as the input", async () => {
    for (const value of ["foo bar", "foo bar baz", "[1, 2, 3]", "[-1.1, 0.0, 1.2]"]) {
      const response = await client.get(`/items/${value}`);
      expect(response.status).toBe(422);
      expect(response.json()).toEqual(intParsing(value));
    }
  });

  it("documents the parameter as an integer", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/{item_id}"]!.get).toMatchObject({ summary: "Read Item", operationId: "read_item_items__item_id__get" });
    expect(paths["/items/{item_id}"]!.get.parameters).toEqual([{ name: "item_id", in: "path", required: true, schema: { type: "integer", title: "Item Id" } }]);
  });
});
