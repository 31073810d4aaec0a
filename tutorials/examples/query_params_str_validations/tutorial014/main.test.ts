import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("query_params_str_validations/tutorial014", () => {
  it("still reads the hidden parameter", async () => {
    const response = await client.get("/items/?hidden_query=somevalue");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ hidden_query: "somevalue" });
  });

  it("answers without it", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ hidden_query: "Not found" });
  });

  it("redirects /items to /items/, keeping the query", async () => {
    const response = await client.get("/items?hidden_query=somevalue");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ hidden_query: "somevalue" });
    expect(response.history.map((r) => r.status)).toEqual([307]);
  });

  it("leaves the parameter out of the OpenAPI document", async () => {
    const response = await client.get("/openapi.json");
    const { paths } = response.json<{ paths: Record<string, { get: Record<string, unknown> }> }>();
    expect(paths["/items/"]!.get).toEqual({
      summary: "Read Items",
      operationId: "read_items_items__get",
      responses: {
        "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
        "422": {
          description: "Validation Error",
          content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
        },
      },
    });
  });
});
