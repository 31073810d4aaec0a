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

describe("cookie_param_models/tutorial002", () => {
  it("reads each field of the model from a cookie", async () => {
    const response = await client.get("/items/", { cookies: { session_id: "123", fatebook_tracker: "456", googall_tracker: "789" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ session_id: "123", fatebook_tracker: "456", googall_tracker: "789" });
  });

  it("fills the defaults", async () => {
    const response = await client.get("/items/", { cookies: { session_id: "123" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ session_id: "123", fatebook_tracker: null, googall_tracker: null });
  });

  it("requires session_id", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(422);
    // FastAPI echoes the cookies it received as the input ({} here); fastapi-ts sends null.
    expect(response.json()).toMatchObject({ detail: [{ type: "missing", loc: ["cookie", "session_id"], msg: "Field required" }] });
    expect(response.json<{ detail: unknown[] }>().detail).toHaveLength(1);
  });

  it("forbids cookies the model does not declare", async () => {
    const response = await client.get("/items/", { cookies: { session_id: "123", fatebook_tracker: "456", googall_tracker: "789", extra: "track-me-here-too" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "extra_forbidden", loc: ["cookie", "extra"], msg: "Extra inputs are not permitted", input: "track-me-here-too" }],
    });
    const santa = await client.get("/items/", { cookies: { session_id: "123", santa_tracker: "good-list-please" } });
    expect(santa.json()).toEqual({
      detail: [{ type: "extra_forbidden", loc: ["cookie", "santa_tracker"], msg: "Extra inputs are not permitted", input: "good-list-please" }],
    });
  });

  it("documents each field as a cookie parameter", async () => {
    expect(await parameters()).toEqual([
      { name: "session_id", in: "cookie", required: true, schema: { type: "string", title: "Session Id" } },
      { name: "fatebook_tracker", in: "cookie", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Fatebook Tracker" } },
      { name: "googall_tracker", in: "cookie", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Googall Tracker" } },
    ]);
  });
});
