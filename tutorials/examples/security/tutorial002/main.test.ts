import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("security/tutorial002", () => {
  it("answers 401 without a token", async () => {
    const response = await client.get("/users/me");
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ detail: "Not authenticated" });
    expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
  });

  it("returns the user decoded from the token", async () => {
    const response = await client.get("/users/me", { headers: { Authorization: "Bearer testtoken" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      username: "testtokenfakedecoded",
      email: "john@example.com",
      full_name: "John Doe",
      disabled: null,
    });
  });

  it("documents the security requirement", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/users/me": {
          get: {
            summary: "Read Users Me",
            operationId: "read_users_me_users_me_get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
            security: [{ OAuth2PasswordBearer: [] }],
          },
        },
      },
      components: {
        securitySchemes: {
          OAuth2PasswordBearer: { type: "oauth2", flows: { password: { scopes: {}, tokenUrl: "token" } } },
        },
      },
    });
  });
});
