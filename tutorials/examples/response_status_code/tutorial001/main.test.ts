import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

type OpenAPIDoc = { paths: Record<string, unknown> };

const client = new TestClient(app);

describe("response_status_code/tutorial001", () => {
  it("answers 201 Created", async () => {
    const response = await client.post("/items/", { params: { name: "foo" } });
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ name: "foo" });
  });

  it("keeps 422 for a missing name", async () => {
    const response = await client.post("/items/");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["query", "name"], msg: "Field required", input: null }] });
  });

  it("documents 201 as the successful response", async () => {
    const openapi = (await client.get("/openapi.json")).json<OpenAPIDoc>();
    expect(openapi.paths).toEqual({
      "/items/": {
        post: {
          summary: "Create Item",
          operationId: "create_item_items__post",
          parameters: [{ name: "name", in: "query", required: true, schema: { title: "Name", type: "string" } }],
          responses: {
            "201": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            "422": {
              description: "Validation Error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    });
  });
});
