import { describe, expect, expectTypeOf, it } from "vitest";
import {
  APIKeyCookie, APIKeyHeader, APIKeyQuery, Depends, FastAPI, HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer,
  HTTPDigest, HTTPException, OAuth2AuthorizationCodeBearer, OAuth2PasswordBearer, OpenIdConnect, Security, TestClient, compareDigest,
  type Dependable,
} from "../src/index.ts";
import { withServer } from "./helpers.ts";

const basic = (user: string, password: string): string => `Basic ${btoa(`${user}:${password}`)}`;

/** An app with one GET `/me` operation depending on `scheme`, answering what the scheme provided. */
function appWith(scheme: Dependable): FastAPI {
  const app = new FastAPI();
  app.get("/users/me", { params: { credentials: Depends(scheme) } }, function read_current_user({ credentials }) {
    return credentials === undefined ? { msg: "Create an account first" } : { credentials };
  });
  return app;
}

async function expectNotAuthenticated(client: TestClient, challenge: string, headers: Record<string, string> = {}, path = "/users/me"): Promise<void> {
  const r = await client.get(path, { headers });
  expect([r.status, r.json(), r.headers.get("www-authenticate")]).toEqual([401, { detail: "Not authenticated" }, challenge]);
}

function openapiOf(app: FastAPI): { security: unknown; schemes: unknown } {
  const doc = app.openapi();
  return {
    security: (doc.paths["/users/me"]!.get as { security?: unknown }).security,
    schemes: (doc.components as { securitySchemes?: unknown } | undefined)?.securitySchemes,
  };
}

describe("security utilities", () => {
  it("OAuth2PasswordBearer: the bearer token, or 401 Not authenticated with WWW-Authenticate: Bearer", async () => {
    const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });
    const app = new FastAPI();
    app.get("/items/", { params: { token: Depends(oauth2Scheme) } }, async function read_items({ token }) {
      expectTypeOf(token).toEqualTypeOf<string>();
      return { token };
    });
    const client = new TestClient(app);
    expect((await client.get("/items/", { headers: { authorization: "Bearer testtoken" } })).json()).toEqual({ token: "testtoken" });
    await expectNotAuthenticated(client, "Bearer", {}, "/items/");
    await expectNotAuthenticated(client, "Bearer", { authorization: "Non-existent testtoken" }, "/items/");
    expect(app.openapi()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {
        "/items/": {
          get: {
            summary: "Read Items", operationId: "read_items_items__get", security: [{ OAuth2PasswordBearer: [] }],
            responses: { 200: { description: "Successful Response", content: { "application/json": { schema: {} } } } },
          },
        },
      },
      components: { securitySchemes: { OAuth2PasswordBearer: { type: "oauth2", flows: { password: { scopes: {}, tokenUrl: "token" } } } } },
    });
    await withServer(app, async (base) => {
      const ok = await fetch(`${base}/items/`, { headers: { authorization: "Bearer abc" } });
      expect(await ok.json()).toEqual({ token: "abc" });
      const no = await fetch(`${base}/items/`);
      expect([no.status, await no.json(), no.headers.get("www-authenticate")]).toEqual([401, { detail: "Not authenticated" }, "Bearer"]);
    });
  });

  it("autoError: false provides undefined instead of the 401", async () => {
    const scheme = new OAuth2PasswordBearer({ tokenUrl: "/token", autoError: false, description: "OAuth2 scheme", schemeName: "Login" });
    const app = new FastAPI();
    app.get("/users/me", { params: { token: Depends(scheme) } }, function read_users_me({ token }) {
      expectTypeOf(token).toEqualTypeOf<string | undefined>();
      return token === undefined ? { msg: "Create an account first" } : { token };
    });
    const client = new TestClient(app);
    expect((await client.get("/users/me")).json()).toEqual({ msg: "Create an account first" });
    expect((await client.get("/users/me", { headers: { authorization: "Basic x" } })).json()).toEqual({ msg: "Create an account first" });
    expect((await client.get("/users/me", { headers: { authorization: "Bearer t" } })).json()).toEqual({ token: "t" });
    expect(openapiOf(app)).toEqual({
      security: [{ Login: [] }],
      schemes: { Login: { type: "oauth2", description: "OAuth2 scheme", flows: { password: { scopes: {}, tokenUrl: "/token" } } } },
    });
  });

  it("OAuth2AuthorizationCodeBearer documents the authorization code flow", async () => {
    const scheme = new OAuth2AuthorizationCodeBearer({ authorizationUrl: "authorize", tokenUrl: "token", refreshUrl: "refresh", scopes: { read: "Read" } });
    const app = appWith(scheme);
    const client = new TestClient(app);
    expect((await client.get("/users/me", { headers: { authorization: "Bearer t" } })).json()).toEqual({ credentials: "t" });
    await expectNotAuthenticated(client, "Bearer");
    expect(openapiOf(app)).toEqual({
      security: [{ OAuth2AuthorizationCodeBearer: [] }],
      schemes: { OAuth2AuthorizationCodeBearer: { type: "oauth2", flows: { authorizationCode: {
        refreshUrl: "refresh", scopes: { read: "Read" }, authorizationUrl: "authorize", tokenUrl: "token",
      } } } },
    });
  });

  it("HTTPBasic: credentials object; 401 with WWW-Authenticate: Basic (and realm) when missing or malformed", async () => {
    const security = new HTTPBasic();
    const app = new FastAPI();
    app.get("/users/me", { params: { credentials: Depends(security) } }, function read_current_user({ credentials }) {
      expectTypeOf(credentials).toEqualTypeOf<HTTPBasicCredentials>();
      return { username: credentials.username, password: credentials.password };
    });
    const client = new TestClient(app);
    expect((await client.get("/users/me", { headers: { authorization: basic("john", "sec:ret") } })).json()).toEqual({ username: "john", password: "sec:ret" });
    await expectNotAuthenticated(client, "Basic");
    await expectNotAuthenticated(client, "Basic", { authorization: "Bearer x" });
    await expectNotAuthenticated(client, "Basic", { authorization: "Basic notabase64token" });
    await expectNotAuthenticated(client, "Basic", { authorization: `Basic ${btoa("johnsecret")}` });
    expect(openapiOf(app)).toEqual({ security: [{ HTTPBasic: [] }], schemes: { HTTPBasic: { type: "http", scheme: "basic" } } });

    const realm = new TestClient(appWith(new HTTPBasic({ realm: "simple", description: "HTTPBasic scheme" })));
    await expectNotAuthenticated(realm, 'Basic realm="simple"');
    const optional = new TestClient(appWith(new HTTPBasic({ autoError: false })));
    expect((await optional.get("/users/me")).json()).toEqual({ msg: "Create an account first" });
    // Undecodable credentials are refused even without autoError, as FastAPI does.
    await expectNotAuthenticated(optional, "Basic", { authorization: "Basic notabase64token" });
  });

  it("HTTP Basic with compareDigest (the advanced page's example), on a real server", async () => {
    const security = new HTTPBasic();
    const getCurrentUsername = { params: { credentials: Depends(security) }, call({ credentials }: { credentials: HTTPBasicCredentials }) {
      const correctUsername = compareDigest(credentials.username, "stanleyjobson");
      const correctPassword = compareDigest(credentials.password, "swordfish");
      if (!(correctUsername && correctPassword)) {
        throw new HTTPException(401, { detail: "Incorrect username or password", headers: { "WWW-Authenticate": "Basic" } });
      }
      return credentials.username;
    } };
    const app = new FastAPI();
    app.get("/users/me", { params: { username: Depends(getCurrentUsername) } }, function read_current_user({ username }) {
      return { username };
    });
    await withServer(app, async (base) => {
      const ok = await fetch(`${base}/users/me`, { headers: { authorization: basic("stanleyjobson", "swordfish") } });
      expect(await ok.json()).toEqual({ username: "stanleyjobson" });
      const bad = await fetch(`${base}/users/me`, { headers: { authorization: basic("stanleyjobsox", "swordfish") } });
      expect([bad.status, await bad.json(), bad.headers.get("www-authenticate")]).toEqual([401, { detail: "Incorrect username or password" }, "Basic"]);
    });
    expect(openapiOf(app).schemes).toEqual({ HTTPBasic: { type: "http", scheme: "basic" } });
  });

  it("HTTPBearer and HTTPDigest provide the scheme and credentials", async () => {
    const bearer = new HTTPBearer({ bearerFormat: "JWT" });
    const app = new FastAPI();
    app.get("/users/me", { params: { credentials: Depends(bearer) } }, function read_current_user({ credentials }) {
      expectTypeOf(credentials).toEqualTypeOf<HTTPAuthorizationCredentials>();
      return { scheme: credentials.scheme, credentials: credentials.credentials };
    });
    const client = new TestClient(app);
    expect((await client.get("/users/me", { headers: { authorization: "Bearer foobar" } })).json()).toEqual({ scheme: "Bearer", credentials: "foobar" });
    await expectNotAuthenticated(client, "Bearer");
    await expectNotAuthenticated(client, "Bearer", { authorization: "Bearer" });
    await expectNotAuthenticated(client, "Bearer", { authorization: "Basic notreally" });
    expect(openapiOf(app)).toEqual({ security: [{ HTTPBearer: [] }], schemes: { HTTPBearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } });

    const digestApp = appWith(new HTTPDigest());
    const digest = new TestClient(digestApp);
    expect((await digest.get("/users/me", { headers: { authorization: "Digest foobar" } })).json())
      .toEqual({ credentials: { scheme: "Digest", credentials: "foobar" } });
    await expectNotAuthenticated(digest, "Digest");
    await expectNotAuthenticated(digest, "Digest", { authorization: "Other foobar" });
    expect(openapiOf(digestApp).schemes).toEqual({ HTTPDigest: { type: "http", scheme: "digest" } });
    const optional = new TestClient(appWith(new HTTPBearer({ autoError: false })));
    expect((await optional.get("/users/me", { headers: { authorization: "Basic x" } })).json()).toEqual({ msg: "Create an account first" });
  });

  it("APIKeyQuery, APIKeyHeader and APIKeyCookie: the key, or 401 with WWW-Authenticate: APIKey", async () => {
    const cases = [
      { scheme: new APIKeyQuery({ name: "api_key" }), send: { params: { api_key: "secret" } }, model: { type: "apiKey", in: "query", name: "api_key" } },
      { scheme: new APIKeyHeader({ name: "key", description: "A header" }), send: { headers: { key: "secret" } }, model: { type: "apiKey", description: "A header", in: "header", name: "key" } },
      { scheme: new APIKeyCookie({ name: "session" }), send: { cookies: { session: "secret" } }, model: { type: "apiKey", in: "cookie", name: "session" } },
    ] as const;
    for (const { scheme, send, model } of cases) {
      const app = appWith(scheme);
      const client = new TestClient(app);
      expect((await client.get("/users/me", send)).json()).toEqual({ credentials: "secret" });
      await expectNotAuthenticated(client, "APIKey");
      expect(openapiOf(app)).toEqual({ security: [{ [scheme.schemeName]: [] }], schemes: { [scheme.schemeName]: model } });
    }
    await withServer(appWith(new APIKeyHeader({ name: "x-key" })), async (base) => {
      const no = await fetch(`${base}/users/me`);
      expect([no.status, no.headers.get("www-authenticate")]).toEqual([401, "APIKey"]);
      expect(await (await fetch(`${base}/users/me`, { headers: { "x-key": "k" } })).json()).toEqual({ credentials: "k" });
    });
    const optional = new TestClient(appWith(new APIKeyCookie({ name: "session", autoError: false })));
    expect((await optional.get("/users/me")).json()).toEqual({ msg: "Create an account first" });
  });

  it("OpenIdConnect: the raw Authorization header; scopes listed in the requirement", async () => {
    const oidc = new OpenIdConnect({ openIdConnectUrl: "/openid" });
    const app = new FastAPI();
    app.get("/users/me", { params: { credentials: Security(oidc, { scopes: ["openid", "profile"] }) } }, function read_current_user({ credentials }) {
      return { credentials };
    });
    const client = new TestClient(app);
    expect((await client.get("/users/me", { headers: { authorization: "Bearer xyz" } })).json()).toEqual({ credentials: "Bearer xyz" });
    await expectNotAuthenticated(client, "Bearer");
    expect(openapiOf(app)).toEqual({
      security: [{ OpenIdConnect: ["openid", "profile"] }],
      schemes: { OpenIdConnect: { type: "openIdConnect", openIdConnectUrl: "/openid" } },
    });
  });

  it("documents schemes used by router and app dependencies; non-OAuth2 requirements never list scopes", async () => {
    const key = new APIKeyHeader({ name: "x-key" });
    const basicAuth = new HTTPBasic();
    const app = new FastAPI({ dependencies: [Security(key, { scopes: ["ignored"] })] });
    app.get("/a", { dependencies: [Depends(basicAuth)] }, function a() { return "a"; });
    app.get("/b", function b() { return "b"; });
    const doc = app.openapi();
    expect((doc.paths["/a"]!.get as { security: unknown }).security).toEqual([{ APIKeyHeader: [] }, { HTTPBasic: [] }]);
    expect((doc.paths["/b"]!.get as { security: unknown }).security).toEqual([{ APIKeyHeader: [] }]);
    expect((doc.components as { securitySchemes: unknown }).securitySchemes).toEqual({
      APIKeyHeader: { type: "apiKey", in: "header", name: "x-key" },
      HTTPBasic: { type: "http", scheme: "basic" },
    });
    const r = await new TestClient(app).get("/a", { headers: { "x-key": "k" } });
    expect([r.status, r.headers.get("www-authenticate")]).toEqual([401, "Basic"]);
  });

  it("compareDigest compares strings and bytes", () => {
    expect(compareDigest("swordfish", "swordfish")).toBe(true);
    expect(compareDigest("swordfish", "swordfisk")).toBe(false);
    expect(compareDigest("swordfish", "swordfish!")).toBe(false);
    expect(compareDigest("", "")).toBe(true);
    expect(compareDigest(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(compareDigest("é", new Uint8Array([0xc3, 0xa9]))).toBe(true);
  });
});
