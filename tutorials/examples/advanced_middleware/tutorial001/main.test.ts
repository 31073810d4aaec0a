import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("advanced_middleware/tutorial001", () => {
  it("answers requests that came over https", async () => {
    const client = new TestClient(app, { baseUrl: "https://testserver" });
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World" });
  });

  it("redirects http requests to the same URL over https with a 307", async () => {
    const client = new TestClient(app);
    const response = await client.get("/", { followRedirects: false });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://testserver/");

    const withQuery = await client.get("/?q=1", { followRedirects: false });
    expect(withQuery.headers.get("location")).toBe("https://testserver/?q=1");
  });

  it("documents GET / for a client the middleware lets through", async () => {
    const response = await new TestClient(app, { baseUrl: "https://testserver" }).get("/openapi.json");
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
