import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("advanced_middleware/tutorial002", () => {
  it("answers requests for the allowed host and its subdomains", async () => {
    for (const baseUrl of ["http://example.com", "http://subdomain.example.com"]) {
      const response = await new TestClient(app, { baseUrl }).get("/");
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ message: "Hello World" });
    }
  });

  it("refuses any other Host with a 400", async () => {
    const response = await new TestClient(app, { baseUrl: "http://invalidhost" }).get("/");
    expect(response.status).toBe(400);
    expect(response.text).toBe("Invalid host header");
  });

  it("reads the Host header, which a client can set to anything", async () => {
    const client = new TestClient(app, { baseUrl: "http://example.com" });
    const response = await client.get("/", { headers: { Host: "attacker.test" } });
    expect(response.status).toBe(400);
  });

  it("documents GET / for a client the middleware lets through", async () => {
    const response = await new TestClient(app, { baseUrl: "http://example.com" }).get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/": {
          get: {
            summary: "Main",
            operationId: "main__get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });
});
