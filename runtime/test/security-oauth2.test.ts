import bcrypt from "bcryptjs";
import { SignJWT, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  Depends, FastAPI, HTTPException, OAuth2PasswordBearer, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict, Security, SecurityScopes,
  TestClient, dependency,
} from "../src/index.ts";
import { withServer } from "./helpers.ts";

// The "OAuth2 scopes" page's app (JWT with scopes, bcrypt password hashes), ported.
const SECRET_KEY = new TextEncoder().encode("09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7");
const ALGORITHM = "HS256";

const fakeUsersDb: Record<string, { username: string; full_name: string; email: string; hashed_password: string; disabled: boolean }> = {
  johndoe: {
    username: "johndoe", full_name: "John Doe", email: "johndoe@example.com",
    hashed_password: "$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW", disabled: false,
  },
  alice: {
    username: "alice", full_name: "Alice Chains", email: "alicechains@example.com",
    hashed_password: bcrypt.hashSync("secretalice", 4), disabled: true,
  },
};

const Token = z.object({ access_token: z.string(), token_type: z.string() }).meta({ id: "Token" });
const User = z.object({
  username: z.string(), email: z.string().nullable().default(null), full_name: z.string().nullable().default(null), disabled: z.boolean().nullable().default(null),
}).meta({ id: "User" });

const oauth2Scheme = new OAuth2PasswordBearer({
  tokenUrl: "token",
  scopes: { me: "Read information about the current user.", items: "Read items." },
});

async function authenticateUser(username: string, password: string) {
  const user = fakeUsersDb[username];
  if (!user || !(await bcrypt.compare(password, user.hashed_password))) return null;
  return user;
}

async function createAccessToken(data: Record<string, unknown>, expiresInMinutes = 15): Promise<string> {
  return new SignJWT(data).setProtectedHeader({ alg: ALGORITHM }).setExpirationTime(`${expiresInMinutes}m`).sign(SECRET_KEY);
}

const getCurrentUser = dependency({ params: { security_scopes: SecurityScopes, token: Depends(oauth2Scheme) } },
  async function get_current_user({ security_scopes, token }) {
    const authenticateValue = security_scopes.scopes.length ? `Bearer scope="${security_scopes.scopeStr}"` : "Bearer";
    const credentialsException = new HTTPException(401, { detail: "Could not validate credentials", headers: { "WWW-Authenticate": authenticateValue } });
    let username: unknown;
    let tokenScopes: unknown;
    try {
      const { payload } = await jwtVerify(token, SECRET_KEY, { algorithms: [ALGORITHM] });
      username = payload.sub;
      tokenScopes = payload.scopes ?? [];
    } catch {
      throw credentialsException;
    }
    const user = typeof username === "string" ? fakeUsersDb[username] : undefined;
    if (!user || !Array.isArray(tokenScopes)) throw credentialsException;
    for (const scope of security_scopes.scopes) {
      if (!tokenScopes.includes(scope)) {
        throw new HTTPException(401, { detail: "Not enough permissions", headers: { "WWW-Authenticate": authenticateValue } });
      }
    }
    return user;
  });

const getCurrentActiveUser = dependency({ params: { current_user: Security(getCurrentUser, { scopes: ["me"] }) } },
  async function get_current_active_user({ current_user }) {
    if (current_user.disabled) throw new HTTPException(400, { detail: "Inactive user" });
    return current_user;
  });

function scopesApp(form: typeof OAuth2PasswordRequestForm = OAuth2PasswordRequestForm): FastAPI {
  const app = new FastAPI();
  app.post("/token", { params: { form_data: Depends(form) }, responseModel: Token }, async function login_for_access_token({ form_data }) {
    const user = await authenticateUser(form_data.username, form_data.password);
    if (!user) throw new HTTPException(400, { detail: "Incorrect username or password" });
    return { access_token: await createAccessToken({ sub: user.username, scopes: form_data.scopes }), token_type: "bearer" };
  });
  app.get("/users/me/", { params: { current_user: Depends(getCurrentActiveUser) }, responseModel: User },
    async function read_users_me({ current_user }) { return current_user; });
  app.get("/users/me/items/", { params: { current_user: Security(getCurrentActiveUser, { scopes: ["items"] }) } },
    async function read_own_items({ current_user }) { return [{ item_id: "Foo", owner: current_user.username }]; });
  app.get("/status/", { params: { current_user: Depends(getCurrentUser) } }, async function read_system_status() { return { status: "ok" }; });
  return app;
}

describe("OAuth2 with password, JWT and scopes", () => {
  const app = scopesApp();
  const client = new TestClient(app);
  // bcrypt at the page's cost (12) is deliberately slow: log in once per user and scopes.
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (username = "johndoe", password = "secret", scope?: string): Promise<string> => {
    const key = `${username}:${scope ?? ""}`;
    if (!tokens.has(key)) {
      tokens.set(key, client.post("/token", { data: { username, password, ...(scope ? { scope } : {}) } })
        .then((r) => r.json<{ access_token: string }>().access_token));
    }
    return tokens.get(key)!;
  };

  it("logs in with the form and rejects wrong credentials", async () => {
    const r = await client.post("/token", { data: { username: "johndoe", password: "secret" } });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ token_type: "bearer" });
    const bad = await client.post("/token", { data: { username: "johndoe", password: "incorrect" } });
    expect([bad.status, bad.json()]).toEqual([400, { detail: "Incorrect username or password" }]);
    const unknown = await client.post("/token", { data: { username: "nobody", password: "secret" } });
    expect([unknown.status, unknown.json()]).toEqual([400, { detail: "Incorrect username or password" }]);
    const missing = await client.post("/token", { data: { username: "johndoe" } });
    expect(missing.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "password"], msg: "Field required", input: null }] });
    const grant = await client.post("/token", { data: { username: "johndoe", password: "secret", grant_type: "incorrect" } });
    expect(grant.json()).toEqual({ detail: [{ type: "string_pattern_mismatch", loc: ["body", "grant_type"], msg: "String should match pattern '^password$'", input: "incorrect", ctx: { pattern: "^password$" } }] });
  }, 60_000);

  it("checks the scopes collected along the graph", async () => {
    const noToken = await client.get("/users/me");
    expect([noToken.status, noToken.json(), noToken.headers.get("www-authenticate")]).toEqual([401, { detail: "Not authenticated" }, "Bearer"]);
    const me = await client.get("/users/me", { headers: { authorization: `Bearer ${await tokenFor("johndoe", "secret", "me")}` } });
    expect(me.json()).toEqual({ username: "johndoe", full_name: "John Doe", email: "johndoe@example.com", disabled: false });
    const noScope = await client.get("/users/me", { headers: { authorization: `Bearer ${await tokenFor()}` } });
    expect([noScope.status, noScope.json(), noScope.headers.get("www-authenticate")]).toEqual([401, { detail: "Not enough permissions" }, 'Bearer scope="me"']);
    const items = await client.get("/users/me/items/", { headers: { authorization: `Bearer ${await tokenFor("johndoe", "secret", "me items")}` } });
    expect(items.json()).toEqual([{ item_id: "Foo", owner: "johndoe" }]);
    const onlyMe = await client.get("/users/me/items/", { headers: { authorization: `Bearer ${await tokenFor("johndoe", "secret", "me")}` } });
    expect([onlyMe.status, onlyMe.headers.get("www-authenticate")]).toEqual([401, 'Bearer scope="items me"']);
    const invalid = await client.get("/users/me", { headers: { authorization: "Bearer nonexistent" } });
    expect([invalid.status, invalid.json(), invalid.headers.get("www-authenticate")]).toEqual([401, { detail: "Could not validate credentials" }, 'Bearer scope="me"']);
    const inactive = await client.get("/users/me", { headers: { authorization: `Bearer ${await tokenFor("alice", "secretalice", "me")}` } });
    expect([inactive.status, inactive.json()]).toEqual([400, { detail: "Inactive user" }]);
    const status = await client.get("/status/", { headers: { authorization: `Bearer ${await tokenFor()}` } });
    expect(status.json()).toEqual({ status: "ok" });
  }, 60_000);

  it("documents the scheme, the per-operation scopes and the login form as FastAPI does", () => {
    const doc = app.openapi();
    const security = (path: string): unknown => (doc.paths[path]!.get as { security: unknown }).security;
    expect(security("/users/me/")).toEqual([{ OAuth2PasswordBearer: ["me"] }]);
    expect(security("/users/me/items/")).toEqual([{ OAuth2PasswordBearer: ["items", "me"] }]);
    expect(security("/status/")).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect((doc.paths["/token"]!.post as { security?: unknown }).security).toBeUndefined();
    expect(doc.paths["/token"]!.post).toMatchObject({
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Body_login_for_access_token_token_post" } } }, required: true },
    });
    const components = doc.components as { schemas: Record<string, unknown>; securitySchemes: unknown };
    expect(components.securitySchemes).toEqual({
      OAuth2PasswordBearer: { type: "oauth2", flows: { password: {
        scopes: { me: "Read information about the current user.", items: "Read items." }, tokenUrl: "token",
      } } },
    });
    expect(components.schemas.Body_login_for_access_token_token_post).toEqual({
      properties: {
        grant_type: { anyOf: [{ type: "string", pattern: "^password$" }, { type: "null" }], title: "Grant Type" },
        username: { type: "string", title: "Username" },
        password: { type: "string", format: "password", title: "Password" },
        scope: { type: "string", title: "Scope", default: "" },
        client_id: { anyOf: [{ type: "string" }, { type: "null" }], title: "Client Id" },
        client_secret: { anyOf: [{ type: "string" }, { type: "null" }], format: "password", title: "Client Secret" },
      },
      type: "object",
      required: ["username", "password"],
      title: "Body_login_for_access_token_token_post",
    });
  });

  it("requires grant_type with the strict form", async () => {
    const strict = new TestClient(scopesApp(OAuth2PasswordRequestFormStrict));
    const r = await strict.post("/token", { data: { username: "johndoe", password: "secret" } });
    expect(r.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "grant_type"], msg: "Field required", input: null }] });
    expect((await strict.post("/token", { data: { username: "johndoe", password: "secret", grant_type: "password" } })).status).toBe(200);
  }, 60_000);

  it("serves the whole flow on a real server, as Swagger UI's Authorize dialog drives it", async () => {
    await withServer(app, async (base) => {
      const login = await fetch(`${base}/token`, {
        method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "password", username: "johndoe", password: "secret", scope: "me items" }),
      });
      const { access_token } = (await login.json()) as { access_token: string };
      const items = await fetch(`${base}/users/me/items/`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(await items.json()).toEqual([{ item_id: "Foo", owner: "johndoe" }]);
      const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { components: { securitySchemes: unknown } };
      expect(spec.components.securitySchemes).toEqual((app.openapi().components as { securitySchemes: unknown }).securitySchemes);
    });
  }, 60_000);

  it("hashes passwords with bcrypt, verifiable against the page's hashes", async () => {
    expect(await bcrypt.compare("secret", fakeUsersDb.johndoe!.hashed_password)).toBe(true);
    const hash = await bcrypt.hash("secretalice", 4);
    expect(await bcrypt.compare("secretalice", hash)).toBe(true);
    expect(await bcrypt.compare("secretbob", hash)).toBe(false);
  }, 60_000);
});
