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

describe("header_params/tutorial001", () => {
  it("reads the User-Agent header through user_agent", async () => {
    expect((await client.get("/items/")).json()).toEqual({ "User-Agent": "testclient" });
    expect((await client.get("/items/", { headers: { "X-Header": "notvalid" } })).json()).toEqual({ "User-Agent": "testclient" });
    const response = await client.get("/items/", { headers: { "User-Agent": "FastAPI test" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ "User-Agent": "FastAPI test" });
  });

  it("documents the header by its hyphenated name", async () => {
    expect(await parameters()).toEqual([
      { name: "user-agent", in: "header", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "User-Agent" } },
    ]);
  });
});
