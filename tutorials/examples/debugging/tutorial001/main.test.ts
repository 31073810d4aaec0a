import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("debugging/tutorial001", () => {
  it("answers GET /", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ "hello world": "ba" });
  });

  it("documents the path operation", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/": {
          get: {
            summary: "Root",
            operationId: "root__get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
          },
        },
      },
    });
  });
});
