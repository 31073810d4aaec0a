import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("security/tutorial001", () => {
  it("answers 401 without a token, asking for a bearer token", async () => {
    const response = await client.get("/items");
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ detail: "Not authenticated" });
    expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
  });

  it("hands the bearer token to the handler", async () => {
    const response = await client.get("/items", { headers: { Authorization: "Bearer testtoken" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ token: "testtoken" });
  });

  it("answers 401 for another authorization scheme", async () => {
    const response = await client.get("/items", { headers: { Authorization: "Notexistent testtoken" } });
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ detail: "Not authenticated" });
    expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
  });

  it("documents the OAuth2 password flow and the operation's security", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items",
            operationId: "read_items_items__get",
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
