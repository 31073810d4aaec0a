import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

interface Doc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
}

async function openapi(): Promise<Doc> {
  const response = await client.get("/openapi.json");
  expect(response.status).toBe(200);
  return response.json<Doc>();
}

describe("body_nested_models/tutorial009", () => {
  it("receives an object with integer keys and float values", async () => {
    const data = { "2": 2.2, "3": 3.3 };
    const response = await client.post("/index-weights/", { json: data });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(data);
  });

  it("rejects a key that is not an integer", async () => {
    const response = await client.post("/index-weights/", { json: { foo: 2.2, "3": 3.3 } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        { type: "int_parsing", loc: ["body", "foo", "[key]"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" },
      ],
    });
  });

  it("documents an object of numbers", async () => {
    const doc = await openapi();
    expect(doc.paths["/index-weights/"]!.post).toEqual({
      summary: "Create Index Weights",
      operationId: "create_index_weights_index_weights__post",
      requestBody: {
        content: { "application/json": { schema: { title: "Weights", type: "object", additionalProperties: { type: "number" } } } },
        required: true,
      },
      responses: {
        "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
        "422": { description: "Validation Error", content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } } },
      },
    });
  });
});
