import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("first_steps/tutorial001", () => {
  it("GET / answers with the message as JSON", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.json()).toEqual({ message: "Hello World" });
  });

  it("GET /nonexistent is a 404", async () => {
    const response = await client.get("/nonexistent");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Not Found" });
  });

  it("serves the OpenAPI document", async () => {
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

  it("serves Swagger UI at /docs and ReDoc at /redoc", async () => {
    const docs = await client.get("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(docs.text).toContain("/openapi.json");
    const redoc = await client.get("/redoc");
    expect(redoc.status).toBe(200);
    expect(redoc.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(redoc.text).toContain("/openapi.json");
  });
});
