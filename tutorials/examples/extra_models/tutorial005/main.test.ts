import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("extra_models/tutorial005", () => {
  it("answers the keyword weights", async () => {
    const response = await client.get("/keyword-weights/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ foo: 2.3, bar: 3.4 });
  });

  it("documents an object with number values", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/keyword-weights/": {
          get: {
            summary: "Read Keyword Weights",
            operationId: "read_keyword_weights_keyword_weights__get",
            responses: {
              "200": {
                description: "Successful Response",
                content: {
                  "application/json": {
                    schema: {
                      title: "Response Read Keyword Weights Keyword Weights  Get",
                      type: "object",
                      additionalProperties: { type: "number" },
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
  });
});
