import { describe, it, expect } from "vitest";
import { loadSettings, TestClient } from "fastapi-ts";
import { app, createApp, Settings } from "./main.ts";

const client = new TestClient(app);

describe("conditional_openapi/tutorial001", () => {
  it("answers the root", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
  });

  it("serves the docs and the document by default", async () => {
    expect((await client.get("/docs")).status).toBe(200);
    expect((await client.get("/redoc")).status).toBe(200);
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
            responses: { 200: { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });

  it("turns off the document and both docs pages when OPENAPI_URL is empty", async () => {
    const off = new TestClient(createApp(loadSettings(Settings, { env: { OPENAPI_URL: "" } })));
    for (const path of ["/openapi.json", "/docs", "/redoc"]) {
      const response = await off.get(path);
      expect(response.status, path).toBe(404);
      expect(response.json()).toEqual({ detail: "Not Found" });
    }
    expect((await off.get("/")).json()).toEqual({ message: "Hello World" });
  });

  it("moves the document when OPENAPI_URL names another path", async () => {
    const moved = new TestClient(createApp(loadSettings(Settings, { env: { OPENAPI_URL: "/api/v1/openapi.json" } })));
    expect((await moved.get("/openapi.json")).status).toBe(404);
    expect((await moved.get("/api/v1/openapi.json")).status).toBe(200);
    expect((await moved.get("/docs")).text).toContain("/api/v1/openapi.json");
  });
});
