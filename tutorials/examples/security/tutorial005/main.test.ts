import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, create_access_token, fake_users_db, get_password_hash, verify_password } from "./main.ts";

const client = new TestClient(app);

async function get_access_token({ username = "johndoe", password = "secret", scope = "" } = {}): Promise<string> {
  const data: Record<string, string> = { username, password };
  if (scope) data.scope = scope;
  const response = await client.post("/token", { data });
  return response.json<{ access_token: string }>().access_token;
}

async function expectRejected(path: string, token: string, detail: string, challenge: string): Promise<void> {
  const response = await client.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(401);
  expect(response.json()).toEqual({ detail });
  expect(response.headers.get("WWW-Authenticate")).toBe(challenge);
}

const validationError = {
  description: "Validation Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
};

describe("security/tutorial005", () => {
  it("logs in and answers a bearer token", async () => {
    const response = await client.post("/token", { data: { username: "johndoe", password: "secret" } });
    expect(response.status).toBe(200);
    const content = response.json<{ access_token: string; token_type: string }>();
    expect(content.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(content.token_type).toBe("bearer");
  });

  it("refuses a wrong password or an unknown user with a 400", async () => {
    for (const data of [{ username: "johndoe", password: "incorrect" }, { username: "foo", password: "secret" }]) {
      const response = await client.post("/token", { data });
      expect(response.status).toBe(400);
      expect(response.json()).toEqual({ detail: "Incorrect username or password" });
    }
  });

  it("answers 401 without a bearer token, challenging with plain Bearer", async () => {
    for (const headers of [{}, { Authorization: "Notexistent testtoken" }] as Record<string, string>[]) {
      const response = await client.get("/users/me", { headers });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({ detail: "Not authenticated" });
      expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
    }
  });

  it("returns the current user to a token with the me scope", async () => {
    const access_token = await get_access_token({ scope: "me" });
    const response = await client.get("/users/me", { headers: { Authorization: `Bearer ${access_token}` } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ username: "johndoe", full_name: "John Doe", email: "johndoe@example.com", disabled: false });
  });

  it("puts the requested scopes in the token", async () => {
    const [, payload] = (await get_access_token({ scope: "me items" })).split(".");
    const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    expect(claims.sub).toBe("johndoe");
    expect(claims.scope).toBe("me items");
  });

  it("rejects bad tokens, naming the required scope in the challenge", async () => {
    const challenge = 'Bearer scope="me"';
    await expectRejected("/users/me", "nonexistent", "Could not validate credentials", challenge);
    // No subject.
    await expectRejected("/users/me", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkYXRhIjoiZm9vIn0.9ynBhuYb4e6aW3oJr_K_TBgwcMTDpRToQIE25L57rOE", "Could not validate credentials", challenge);
    // A subject that is no user.
    await expectRejected("/users/me", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb28ifQ.NnExK_dlNAYyzACrXtXDrcWOgGY2JuPbI4eDaHdfK5Y", "Could not validate credentials", challenge);
    await expectRejected("/users/me", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VybmFtZTpib2IifQ.HcfCW67Uda-0gz54ZWTqmtgJnZeNem0Q757eTa9EZuw", "Could not validate credentials", challenge);
    // Expired.
    await expectRejected("/users/me", await create_access_token({ sub: "johndoe", scope: "me" }, -1), "Could not validate credentials", challenge);
  });

  it("answers 401 Not enough permissions to a valid token without the scope", async () => {
    await expectRejected("/users/me", await get_access_token(), "Not enough permissions", 'Bearer scope="me"');
    // /users/me/items/ needs both scopes: its own, then the one get_current_active_user asks of get_current_user.
    await expectRejected("/users/me/items/", await get_access_token({ scope: "me" }), "Not enough permissions", 'Bearer scope="items me"');
  });

  it("answers 400 for an inactive user", async () => {
    const access_token = await get_access_token({ username: "alice", password: "secretalice", scope: "me" });
    const response = await client.get("/users/me", { headers: { Authorization: `Bearer ${access_token}` } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "Inactive user" });
  });

  it("returns the items to a token with the me and items scopes", async () => {
    const access_token = await get_access_token({ scope: "me items" });
    const response = await client.get("/users/me/items/", { headers: { Authorization: `Bearer ${access_token}` } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([{ item_id: "Foo", owner: "johndoe" }]);
  });

  it("answers the system status to any valid token, scopes or not", async () => {
    const access_token = await get_access_token();
    const response = await client.get("/status/", { headers: { Authorization: `Bearer ${access_token}` } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });

    const anonymous = await client.get("/status/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.json()).toEqual({ detail: "Not authenticated" });
    expect(anonymous.headers.get("WWW-Authenticate")).toBe("Bearer");
  });

  it("hashes and verifies passwords", async () => {
    expect(await verify_password("secret", fake_users_db.johndoe!.hashed_password as string)).toBe(true);
    expect(await verify_password("secretalice", fake_users_db.alice!.hashed_password as string)).toBe(true);
    const hash = await get_password_hash("secretalice");
    expect(hash).toMatch(/^\$2[aby]\$/);
    expect(await verify_password("secretalice", hash)).toBe(true);
    expect(await create_access_token({ data: "foo" })).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("documents the scopes in the security scheme and each operation's requirement", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const openapi = response.json<{
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { securitySchemes: unknown; schemas: Record<string, unknown> };
    }>();
    expect(openapi.components.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: "oauth2",
        flows: {
          password: {
            scopes: { me: "Read information about the current user.", items: "Read items." },
            tokenUrl: "token",
          },
        },
      },
    });
    expect(openapi.paths["/token"]!.post).toEqual({
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
    });
    expect(openapi.paths["/users/me/"]!.get).toEqual({
      summary: "Read Users Me",
      operationId: "read_users_me_users_me__get",
      responses: { "200": { description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } } },
      security: [{ OAuth2PasswordBearer: ["me"] }],
    });
    expect(openapi.paths["/users/me/items/"]!.get).toEqual({
      summary: "Read Own Items",
      operationId: "read_own_items_users_me_items__get",
      responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
      // Outer scopes first, as FastAPI collects them (its latest test snapshot lists ["me", "items"]).
      security: [{ OAuth2PasswordBearer: ["items", "me"] }],
    });
    expect(openapi.paths["/status/"]!.get).toEqual({
      summary: "Read System Status",
      operationId: "read_system_status_status__get",
      responses: { "200": { description: "Successful Response", content: { "application/json": { schema: {} } } } },
      security: [{ OAuth2PasswordBearer: [] }],
    });
    expect(Object.keys(openapi.components.schemas).sort()).toEqual(
      ["Body_login_for_access_token_token_post", "HTTPValidationError", "Token", "User", "ValidationError"],
    );
  });
});
