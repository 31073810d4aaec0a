import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const ok = { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } };

describe("sub_applications/tutorial001", () => {
  it("answers the main app's operation", async () => {
    const response = await client.get("/app");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World from main app" });
  });

  it("answers the sub-application's operation under its mount path", async () => {
    const response = await client.get("/subapi/sub");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World from sub API" });
  });

  it("documents only the main app's operations in the main OpenAPI", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: { "/app": { get: { summary: "Read Main", operationId: "read_main_app_get", responses: ok } } },
    });
  });

  it("serves the sub-application's own OpenAPI, with its mount path as the server", async () => {
    const response = await client.get("/subapi/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      servers: [{ url: "/subapi" }],
      paths: { "/sub": { get: { summary: "Read Sub", operationId: "read_sub_sub_get", responses: ok } } },
    });
  });

  it("serves a docs UI for each app", async () => {
    const main = await client.get("/docs");
    expect(main.status).toBe(200);
    expect(main.text).toContain("/openapi.json");
    const sub = await client.get("/subapi/docs");
    expect(sub.status).toBe(200);
    expect(sub.text).toContain("/subapi/openapi.json");
  });
});
