import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

function basic(username: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${btoa(`${username}:${password}`)}` };
}

describe("security/tutorial006", () => {
  it("hands the decoded username and password to the handler", async () => {
    const response = await client.get("/users/me", { headers: basic("john", "secret") });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "john", password: "secret" });
  });

  it("answers 401 with WWW-Authenticate: Basic without credentials", async () => {
    const response = await client.get("/users/me");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Basic");
    expect(response.json()).toEqual({ detail: "Not authenticated" });
  });

  it("answers 401 when the token is not base64", async () => {
    const response = await client.get("/users/me", { headers: { Authorization: "Basic notabase64token" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Basic");
    expect(response.json()).toEqual({ detail: "Not authenticated" });
  });

  it("answers 401 when the decoded token has no colon", async () => {
    const response = await client.get("/users/me", { headers: { Authorization: `Basic ${btoa("johnsecret")}` } });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Basic");
    expect(response.json()).toEqual({ detail: "Not authenticated" });
  });

  it("documents the HTTPBasic security scheme", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/users/me": {
          get: {
            summary: "Read Current User",
            operationId: "read_current_user_users_me_get",
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
            },
            security: [{ HTTPBasic: [] }],
          },
        },
      },
      components: { securitySchemes: { HTTPBasic: { type: "http", scheme: "basic" } } },
    });
  });
});
