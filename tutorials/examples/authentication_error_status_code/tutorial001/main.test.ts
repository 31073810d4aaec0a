import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("authentication_error_status_code/tutorial001", () => {
  it("lets a request with a bearer token through", async () => {
    const response = await client.get("/me", { headers: { Authorization: "Bearer secrettoken" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "You are authenticated", token: "secrettoken" });
  });

  it("answers 403 without a challenge when the credentials are missing", async () => {
    const response = await client.get("/me");
    expect(response.status).toBe(403);
    expect(response.json()).toEqual({ detail: "Not authenticated" });
    expect(response.headers.get("www-authenticate")).toBeNull();
  });

  it("answers 403 for another scheme too", async () => {
    const response = await client.get("/me", { headers: { Authorization: "Basic c2VjcmV0" } });
    expect(response.status).toBe(403);
  });

  it("documents the scheme under the subclass's name", async () => {
    const document = (await client.get("/openapi.json")).json();
    expect(document).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/me": {
          get: {
            summary: "Read Me",
            operationId: "read_me_me_get",
            responses: { 200: { description: "Successful Response", content: { "application/json": { schema: {} } } } },
            security: [{ HTTPBearer403: [] }],
          },
        },
      },
      components: { securitySchemes: { HTTPBearer403: { type: "http", scheme: "bearer" } } },
    });
  });
});
