import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const validationSchemas = {
  HTTPValidationError: {
    title: "HTTPValidationError",
    type: "object",
    properties: { detail: { title: "Detail", type: "array", items: { $ref: "#/components/schemas/ValidationError" } } },
  },
  ValidationError: {
    title: "ValidationError",
    type: "object",
    properties: {
      loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
      msg: { title: "Message", type: "string" },
      type: { title: "Error Type", type: "string" },
      input: { title: "Input" },
      ctx: { title: "Context", type: "object" },
    },
    required: ["loc", "msg", "type"],
  },
};

const validationError = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};

const securitySchemes = {
  OAuth2PasswordBearer: { type: "oauth2", flows: { password: { scopes: {}, tokenUrl: "token" } } },
};

function loginForm(title: string) {
  return {
    title,
    type: "object",
    properties: {
      grant_type: { title: "Grant Type", anyOf: [{ type: "string", pattern: "^password\$" }, { type: "null" }] },
      username: { title: "Username", type: "string" },
      password: { title: "Password", type: "string", format: "password" },
      scope: { title: "Scope", type: "string", default: "" },
      client_id: { title: "Client Id", anyOf: [{ type: "string" }, { type: "null" }] },
      client_secret: { title: "Client Secret", anyOf: [{ type: "string" }, { type: "null" }], format: "password" },
    },
    required: ["username", "password"],
  };
}

describe("security/tutorial003", () => {
  it("logs in with the form and answers the username as the token", async () => {
    const response = await client.post("/token", { data: { username: "johndoe", password: "secret" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ access_token: "johndoe", token_type: "bearer" });
  });

  it("refuses a wrong password or an unknown user with the same 400", async () => {
    for (const data of [{ username: "johndoe", password: "incorrect" }, { username: "foo", password: "secret" }]) {
      const response = await client.post("/token", { data });
      expect(response.status).toBe(400);
      expect(response.json()).toEqual({ detail: "Incorrect username or password" });
    }
  });

  it("requires the username and password fields", async () => {
    const response = await client.post("/token", { data: { username: "johndoe" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "password"], msg: "Field required", input: null }],
    });
  });

  it("answers 401 without a token, or with another scheme", async () => {
    for (const headers of [{}, { Authorization: "Notexistent testtoken" }] as Record<string, string>[]) {
      const response = await client.get("/users/me", { headers });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({ detail: "Not authenticated" });
      expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
    }
  });

  it("returns the current user, as stored", async () => {
    const response = await client.get("/users/me", { headers: { Authorization: "Bearer johndoe" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      username: "johndoe",
      full_name: "John Doe",
      email: "johndoe@example.com",
      hashed_password: "fakehashedsecret",
      disabled: false,
    });
  });

  it("answers 401 for a token that names no user", async () => {
    const response = await client.get("/users/me", { headers: { Authorization: "Bearer nonexistent" } });
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ detail: "Not authenticated" });
    expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
  });

  it("answers 400 for an inactive user", async () => {
    const response = await client.get("/users/me", { headers: { Authorization: "Bearer alice" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "Inactive user" });
  });

  it("documents the login form, the operations and the security scheme", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/token": {
          post: {
            summary: "Login",
            operationId: "login_token_post",
            requestBody: {
              content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Body_login_token_post" } } },
              required: true,
            },
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: {} } } },
              "422": validationError,
            },
          },
        },
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
        schemas: { Body_login_token_post: loginForm("Body_login_token_post"), ...validationSchemas },
        securitySchemes,
      },
    });
  });
});
