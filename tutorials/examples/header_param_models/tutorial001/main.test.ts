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

describe("header_param_models/tutorial001", () => {
  it("reads each field of the model from a header", async () => {
    const response = await client.get("/items/", {
      headers: { "save-data": "true", "if-modified-since": "yesterday", traceparent: "123", "x-tag": "one, two" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ host: "testserver", save_data: true, if_modified_since: "yesterday", traceparent: "123", x_tag: ["one", "two"] });
  });

  it("fills the defaults", async () => {
    const response = await client.get("/items/", { headers: { "save-data": "true" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ host: "testserver", save_data: true, if_modified_since: null, traceparent: null, x_tag: [] });
  });

  it("requires save_data, reporting it by its field name", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(422);
    // FastAPI echoes the headers it collected as the input; fastapi-ts sends null.
    expect(response.json()).toMatchObject({ detail: [{ type: "missing", loc: ["header", "save_data"], msg: "Field required" }] });
    expect(response.json<{ detail: unknown[] }>().detail).toHaveLength(1);
  });

  it("converts save_data to a boolean", async () => {
    const response = await client.get("/items/", { headers: { "save-data": "maybe" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "bool_parsing", loc: ["header", "save_data"], msg: "Input should be a valid boolean, unable to interpret input", input: "maybe" }],
    });
  });

  it("ignores headers the model does not declare", async () => {
    const response = await client.get("/items/", { headers: { "save-data": "true", tool: "plumbus" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ host: "testserver", save_data: true, if_modified_since: null, traceparent: null, x_tag: [] });
  });

  it("documents each field as a header", async () => {
    expect(await parameters()).toEqual([
      { name: "host", in: "header", required: true, schema: { type: "string", title: "Host" } },
      { name: "save-data", in: "header", required: true, schema: { type: "boolean", title: "Save Data" } },
      { name: "if-modified-since", in: "header", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "If Modified Since" } },
      { name: "traceparent", in: "header", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Traceparent" } },
      { name: "x-tag", in: "header", required: false, schema: { type: "array", items: { type: "string" }, default: [], title: "X Tag" } },
    ]);
  });
});
