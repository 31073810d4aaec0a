import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params_str_validations/tutorial012", () => {
  it("uses the default list when q is absent", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q: ["foo", "bar"] });
  });

  it("replaces the default with the values sent", async () => {
    expect((await client.get("/items/?q=baz&q=foobar")).json()).toEqual({ q: ["baz", "foobar"] });
  });

  it("documents the default list", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get.parameters).toEqual([
      { name: "q", in: "query", required: false, schema: { type: "array", items: { type: "string" }, default: ["foo", "bar"], title: "Q" } },
    ]);
  });
});
