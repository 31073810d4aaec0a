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

describe("cookie_params/tutorial001", () => {
  it("reads the ads_id cookie", async () => {
    const response = await client.get("/items/", { cookies: { ads_id: "ads_track" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ads_id: "ads_track" });
  });

  it("ignores other cookies", async () => {
    expect((await client.get("/items/", { cookies: { ads_id: "ads_track", session: "cookiesession" } })).json()).toEqual({ ads_id: "ads_track" });
    expect((await client.get("/items/", { cookies: { session: "cookiesession" } })).json()).toEqual({ ads_id: null });
  });

  it("is null without the cookie", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ads_id: null });
  });

  it("does not read a query parameter of the same name", async () => {
    expect((await client.get("/items/?ads_id=ads_track")).json()).toEqual({ ads_id: null });
  });

  it("documents a cookie parameter", async () => {
    expect(await parameters()).toEqual([
      { name: "ads_id", in: "cookie", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Ads Id" } },
    ]);
  });
});
