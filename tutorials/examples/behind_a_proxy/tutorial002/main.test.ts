import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("behind_a_proxy/tutorial002", () => {
  it("answers with the root path set on the app", async () => {
    const response = await client.get("/app");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World", root_path: "/api/v1" });
  });

  it("also answers at the prefixed path, as a proxy that keeps the prefix sends it", async () => {
    const response = await client.get("/api/v1/app");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World", root_path: "/api/v1" });
  });

  it("puts the root path in the OpenAPI servers", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/app": {
          get: {
            summary: "Read Main",
            operationId: "read_main_app_get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
      servers: [{ url: "/api/v1" }],
    });
  });
});
