import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params_str_validations/tutorial011", () => {
  it("collects every q into an array", async () => {
    const response = await client.get("/items/?q=foo&q=bar");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q: ["foo", "bar"] });
  });

  it("a single q is an array of one", async () => {
    expect((await client.get("/items/?q=foo")).json()).toEqual({ q: ["foo"] });
  });

  it("q is null when absent", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ q: null });
  });

  it("documents an array of strings", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get.parameters).toEqual([
      {
        name: "q",
        in: "query",
        required: false,
        schema: { anyOf: [{ type: "array", items: { type: "string" } }, { type: "null" }], title: "Q" },
      },
    ]);
  });
});
