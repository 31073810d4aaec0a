import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_param_models/tutorial002", () => {
  it("reads every field of the model from the query string", async () => {
    const response = await client.get("/items/", { params: { limit: 10, offset: 5, order_by: "updated_at", tags: ["tag1", "tag2"] } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ limit: 10, offset: 5, order_by: "updated_at", tags: ["tag1", "tag2"] });
  });

  it("fills the defaults", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ limit: 100, offset: 0, order_by: "created_at", tags: [] });
  });

  it("validates each field, reporting it as a query parameter", async () => {
    const response = await client.get("/items/", { params: { limit: 150, offset: -1, order_by: "invalid" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "less_than_equal", loc: ["query", "limit"], msg: "Input should be less than or equal to 100", input: "150", ctx: { le: 100 } },
        { type: "greater_than_equal", loc: ["query", "offset"], msg: "Input should be greater than or equal to 0", input: "-1", ctx: { ge: 0 } },
        {
          type: "literal_error",
          loc: ["query", "order_by"],
          msg: "Input should be 'created_at' or 'updated_at'",
          input: "invalid",
          ctx: { expected: "'created_at' or 'updated_at'" },
        },
      ],
    });
  });

  it("forbids query parameters the model does not declare", async () => {
    const response = await client.get("/items/", { params: { limit: 10, offset: 5, order_by: "updated_at", tags: ["tag1", "tag2"], tool: "plumbus" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "extra_forbidden", loc: ["query", "tool"], msg: "Extra inputs are not permitted", input: "plumbus" }],
    });
  });

  it("documents each field as a query parameter", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const { paths, components } = response.json<{ paths: Record<string, { get: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } }>();
    expect(paths["/items/"]!.get).toMatchObject({ summary: "Read Items", operationId: "read_items_items__get" });
    expect(paths["/items/"]!.get.parameters).toEqual([
      { name: "limit", in: "query", required: false, schema: { type: "integer", maximum: 100, exclusiveMinimum: 0, default: 100, title: "Limit" } },
      { name: "offset", in: "query", required: false, schema: { type: "integer", minimum: 0, default: 0, title: "Offset" } },
      { name: "order_by", in: "query", required: false, schema: { enum: ["created_at", "updated_at"], type: "string", default: "created_at", title: "Order By" } },
      { name: "tags", in: "query", required: false, schema: { type: "array", items: { type: "string" }, default: [], title: "Tags" } },
    ]);
    expect(Object.keys(components.schemas)).toEqual(["HTTPValidationError", "ValidationError"]);
  });
});
