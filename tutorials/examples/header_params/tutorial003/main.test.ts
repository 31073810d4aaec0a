import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

async function parameters(): Promise<unknown> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
  expect(paths["/items/"]!.get).toMatchObject({ summary: "Read Items", operationId: "read_items_items__get" });
  return paths["/items/"]!.get.parameters;
}

describe("header_params/tutorial003", () => {
  it("is null without the header", async () => {
    expect((await client.get("/items/")).json()).toEqual({ "X-Token values": null });
  });

  it("receives a single value as a list", async () => {
    expect((await client.get("/items/", { headers: { "x-token": "foo" } })).json()).toEqual({ "X-Token values": ["foo"] });
  });

  it("receives every value of a repeated header", async () => {
    // Repeated headers reach the app joined by ", ", as Headers.append() joins them.
    const headers = new Headers();
    headers.append("x-token", "foo");
    headers.append("x-token", "bar");
    const response = await client.get("/items/", { headers: { "x-token": headers.get("x-token")! } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ "X-Token values": ["foo", "bar"] });
  });

  it("documents an array header", async () => {
    expect(await parameters()).toEqual([
      {
        name: "x-token",
        in: "header",
        required: false,
        schema: { anyOf: [{ type: "array", items: { type: "string" } }, { type: "null" }], title: "X-Token" },
      },
    ]);
  });
});
