import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, fake_answer_to_everything_ml_model, ml_models } from "./main.ts";

describe("events/tutorial003", () => {
  it("loads the model before the first request and clears it at shutdown", async () => {
    expect(ml_models).toEqual({});
    {
      await using client = await TestClient.with(app);
      expect(ml_models["answer_to_everything"]).toBe(fake_answer_to_everything_ml_model);
      const response = await client.get("/predict", { params: { x: 2 } });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ result: 84 });
    }
    expect(ml_models).toEqual({});
  });

  it("documents x as a required number", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/predict": {
          get: {
            summary: "Predict",
            operationId: "predict_predict_get",
            parameters: [{ name: "x", in: "query", required: true, schema: { type: "number", title: "X" } }],
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
              "422": {
                description: "Validation Error",
                content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          HTTPValidationError: {
            title: "HTTPValidationError",
            type: "object",
            properties: { detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } } },
          },
          ValidationError: {
            title: "ValidationError",
            type: "object",
            properties: {
              loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
              msg: { title: "Message", type: "string" },
              type: { title: "Error Type", type: "string" },
              input: { title: "Input" },
              ctx: { title: "Context", type: "object" },
            },
            required: ["loc", "msg", "type"],
          },
        },
      },
    });
  });
});
