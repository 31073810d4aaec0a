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

describe("header_params/tutorial002", () => {
  it("reads strange_header with its underscore", async () => {
    expect((await client.get("/items/")).json()).toEqual({ strange_header: null });
    expect((await client.get("/items/", { headers: { "X-Header": "notvalid" } })).json()).toEqual({ strange_header: null });
    const response = await client.get("/items/", { headers: { strange_header: "FastAPI test" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ strange_header: "FastAPI test" });
  });

  it("does not read the hyphenated name", async () => {
    expect((await client.get("/items/", { headers: { "strange-header": "Not really underscore" } })).json()).toEqual({ strange_header: null });
  });

  it("documents the header with its underscore", async () => {
    expect(await parameters()).toEqual([
      { name: "strange_header", in: "header", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Strange Header" } },
    ]);
  });
});
