import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

// A proxy that strips /api/v1 passes the prefix along, as the server's `rootPath` option (uvicorn's --root-path).
const client = new TestClient(app, { rootPath: "/api/v1" });

describe("behind_a_proxy/tutorial001", () => {
  it("answers with the root path the server passed", async () => {
    const response = await client.get("/app");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World", root_path: "/api/v1" });
  });

  it("answers with an empty root path when there is none", async () => {
    const response = await new TestClient(app).get("/app");
    expect(response.json()).toEqual({ message: "Hello World", root_path: "" });
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

  it("points the docs page at the OpenAPI document under the root path", async () => {
    const response = await client.get("/docs");
    expect(response.status).toBe(200);
    expect(response.text).toContain('url: "/api/v1/openapi.json"');
  });
});
