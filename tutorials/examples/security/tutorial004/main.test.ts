import { describe, it, expect } from "vitest";
import bcrypt from "bcryptjs";
import { TestClient } from "fastapi-ts";
import { app, create_access_token, DUMMY_HASH, fake_users_db, get_password_hash, verify_password } from "./main.ts";

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

async function get_access_token(username = "johndoe", password = "secret"): Promise<string> {
  const response = await client.post("/token", { data: { username, password } });
  return response.json<{ access_token: string }>().access_token;
}

async function expectCredentialsRejected(token: string): Promise<void> {
  const response = await client.get("/users/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(401);
  expect(response.json()).toEqual({ detail: "Could not validate credentials" });
  expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
}

describe("security/tutorial004", () => {
  it("logs in and answers a bearer token", async () => {
    const response = await client.post("/token", { data: { username: "johndoe", password: "secret" } });
    expect(response.status).toBe(200);
    const content = response.json<{ access_token: string; token_type: string }>();
    expect(content.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(content.token_type).toBe("bearer");
  });

  it("refuses a wrong password or an unknown user with a 401", async () => {
    for (const data of [{ username: "johndoe", password: "incorrect" }, { username: "foo", password: "secret" }]) {
      const response = await client.post("/token", { data });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({ detail: "Incorrect username or password" });
      expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
    }
  });

  it("verifies the password against a dummy hash when the user does not exist", async () => {
    // Timing: an unknown user must cost one bcrypt comparison, as a known user with a wrong password does, or the
    // time of the answer tells a caller which usernames exist. Count the comparisons, not the milliseconds.
    const compare = bcrypt.compare;
    const compared: [string, string][] = [];
    bcrypt.compare = ((password: string, hash: string) => {
      compared.push([password, hash]);
      return compare(password, hash);
    }) as typeof bcrypt.compare;
    try {
      const unknown = await client.post("/token", { data: { username: "foo", password: "secret" } });
      expect(unknown.status).toBe(401);
      const wrong = await client.post("/token", { data: { username: "johndoe", password: "incorrect" } });
      expect(wrong.status).toBe(401);
    } finally {
      bcrypt.compare = compare;
    }
    expect(compared).toEqual([
      ["secret", DUMMY_HASH],
      ["incorrect", fake_users_db.johndoe!.hashed_password],
    ]);
    // The dummy hash costs what a real one does, and no password a caller sends can match a user through it.
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(bcrypt.getRounds(fake_users_db.johndoe!.hashed_password as string));
    expect(await verify_password("dummypassword", DUMMY_HASH)).toBe(true);
  });

  it("answers 401 without a token, or with another scheme", async () => {
    for (const headers of [{}, { Authorization: "Notexistent testtoken" }] as Record<string, string>[]) {
      const response = await client.get("/users/me", { headers });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({ detail: "Not authenticated" });
      expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
    }
  });

  it("returns the current user, without the password hash", async () => {
    const access_token = await get_access_token();
    const response = await client.get("/users/me", { headers: { Authorization: `Bearer ${access_token}` } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "johndoe", full_name: "John Doe", email: "johndoe@example.com", disabled: false });
  });

  it("returns the current user's items", async () => {
    const access_token = await get_access_token();
    const response = await client.get("/users/me/items/", { headers: { Authorization: `Bearer ${access_token}` } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item_id: "Foo", owner: "johndoe" }]);
  });

  it("rejects a token that is not a JWT", async () => {
    await expectCredentialsRejected("nonexistent");
  });

  it("rejects a signed token without a subject", async () => {
    await expectCredentialsRejected("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkYXRhIjoiZm9vIn0.9ynBhuYb4e6aW3oJr_K_TBgwcMTDpRToQIE25L57rOE");
  });

  it("rejects a signed token whose subject is no user", async () => {
    await expectCredentialsRejected("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb28ifQ.NnExK_dlNAYyzACrXtXDrcWOgGY2JuPbI4eDaHdfK5Y");
    await expectCredentialsRejected("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VybmFtZTpib2IifQ.HcfCW67Uda-0gz54ZWTqmtgJnZeNem0Q757eTa9EZuw");
  });

  it("rejects a token with a forged signature, or an expired one", async () => {
    const [header, payload] = (await get_access_token()).split(".");
    await expectCredentialsRejected(`${header}.${payload}.c2lnbmF0dXJl`);
    await expectCredentialsRejected(await create_access_token({ sub: "johndoe" }, -1));
  });

  it("answers 400 for an inactive user", async () => {
    fake_users_db.alice = {
      username: "alice",
      full_name: "Alice Wonderson",
      email: "alice@example.com",
      hashed_password: await get_password_hash("secretalice"),
      disabled: true,
    };
    try {
      const access_token = await get_access_token("alice", "secretalice");
      const response = await client.get("/users/me", { headers: { Authorization: `Bearer ${access_token}` } });
      expect(response.status).toBe(400);
      expect(response.json()).toEqual({ detail: "Inactive user" });
    } finally {
      delete fake_users_db.alice;
    }
  });

  it("hashes and verifies passwords", async () => {
    expect(await verify_password("secret", fake_users_db.johndoe!.hashed_password as string)).toBe(true);
    const hash = await get_password_hash("johndoe");
    expect(hash).toMatch(/^\$2[aby]\$/);
    expect(await verify_password("johndoe", hash)).toBe(true);
    expect(await verify_password("secret", hash)).toBe(false);
  });

  it("creates access tokens", async () => {
    expect(await create_access_token({ data: "foo" })).toBeTruthy();
  });

  it("documents the token response, the user response and the security scheme", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/token": {
          post: {
            summary: "Login For Access Token",
            operationId: "login_for_access_token_token_post",
            requestBody: {
              content: {
                "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Body_login_for_access_token_token_post" } },
              },
              required: true,
            },
            responses: {
              "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } } },
              "422": validationError,
            },
          },
        },
        "/users/me/": {
          get: {
            summary: "Read Users Me",
            operationId: "read_users_me_users_me__get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } } },
            security: [{ OAuth2PasswordBearer: [] }],
          },
        },
        "/users/me/items/": {
          get: {
            summary: "Read Own Items",
            operationId: "read_own_items_users_me_items__get",
            responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
            security: [{ OAuth2PasswordBearer: [] }],
          },
        },
      },
      components: {
        schemas: {
          Body_login_for_access_token_token_post: loginForm("Body_login_for_access_token_token_post"),
          Token: {
            title: "Token",
            type: "object",
            properties: {
              access_token: { title: "Access Token", type: "string" },
              token_type: { title: "Token Type", type: "string" },
            },
            required: ["access_token", "token_type"],
          },
          User: {
            title: "User",
            type: "object",
            properties: {
              username: { title: "Username", type: "string" },
              email: { title: "Email", anyOf: [{ type: "string" }, { type: "null" }] },
              full_name: { title: "Full Name", anyOf: [{ type: "string" }, { type: "null" }] },
              disabled: { title: "Disabled", anyOf: [{ type: "boolean" }, { type: "null" }] },
            },
            required: ["username"],
          },
          ...validationSchemas,
        },
        securitySchemes,
      },
    });
  });
});
