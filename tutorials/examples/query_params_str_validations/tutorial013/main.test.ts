import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params_str_validations/tutorial013", () => {
  it("collects every q", async () => {
    const response = await client.get("/items/?q=foo&q=bar");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q: ["foo", "bar"] });
  });

  it("uses the empty default", async () => {
    expect((await client.get("/items/")).json()).toEqual({ q: [] });
  });

  it("documents an array with unchecked items", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get.parameters).toEqual([
      { name: "q", in: "query", required: false, schema: { type: "array", items: {}, default: [], title: "Q" } },
    ]);
  });
});
