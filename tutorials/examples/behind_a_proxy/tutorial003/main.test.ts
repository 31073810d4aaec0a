import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("behind_a_proxy/tutorial003", () => {
  it("answers with the root path set on the app", async () => {
    const response = await client.get("/app");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Hello World", root_path: "/api/v1" });
  });

  it("lists the root path first, then the other servers", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      servers: [
        { url: "/api/v1" },
        { url: "https://stag.example.com", description: "Staging environment" },
        { url: "https://prod.example.com", description: "Production environment" },
      ],
      paths: {
        "/app": {
          get: {
            summary: "Read Main",
            operationId: "read_main_app_get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
    });
  });
});
