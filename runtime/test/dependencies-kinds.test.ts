import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  APIRouter, BackgroundTasks, Cookie, Depends, FastAPI, Header, HTTPException, Query, Request, Response, Security, SecurityScopes,
  TestClient, dependency, type ParamValues,
} from "../src/index.ts";
import { withServer } from "./helpers.ts";

const fakeItemsDb = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

/** FastAPI's `CommonQueryParams` (classes as dependencies): static `params`, constructed with their values. */
class CommonQueryParams {
  static params = { q: Query(z.string().nullable().default(null)), skip: z.int().default(0), limit: z.int().default(100) };
  q: string | null;
  skip: number;
  limit: number;
  constructor({ q, skip, limit }: ParamValues<typeof CommonQueryParams.params>) {
    this.q = q;
    this.skip = skip;
    this.limit = limit;
  }
}

/** FastAPI's callable instance `FixedContentQueryChecker`: an instance with `params` and `call`. */
class FixedContentQueryChecker {
  readonly params = { q: Query(z.string().default("")) };
  readonly fixedContent: string;
  constructor(fixedContent: string) {
    this.fixedContent = fixedContent;
  }
  call({ q }: ParamValues<FixedContentQueryChecker["params"]>): boolean {
    return q.includes(this.fixedContent);
  }
}

describe("kinds of dependencies", () => {
  it("constructs a class dependency with its declared parameters (documented as the operation's)", async () => {
    const app = new FastAPI();
    app.get("/items/", { params: { commons: Depends(CommonQueryParams) } }, async function read_items({ commons }) {
      expectTypeOf(commons).toEqualTypeOf<CommonQueryParams>();
      const response: Record<string, unknown> = {};
      if (commons.q) response.q = commons.q;
      response.items = fakeItemsDb.slice(commons.skip, commons.skip + commons.limit);
      return { ...response, isInstance: commons instanceof CommonQueryParams };
    });
    const client = new TestClient(app);
    expect((await client.get("/items?q=foo&skip=1&limit=1")).json()).toEqual({ q: "foo", items: [{ item_name: "Bar" }], isInstance: true });
    expect((await client.get("/items/?limit=x")).status).toBe(422);
    const op = app.openapi().paths["/items/"]!.get as { parameters: { name: string; required: boolean; schema: unknown }[] };
    expect(op.parameters).toEqual([
      { name: "q", in: "query", required: false, schema: { anyOf: [{ type: "string" }, { type: "null" }], title: "Q" } },
      { name: "skip", in: "query", required: false, schema: { type: "integer", default: 0, title: "Skip" } },
      { name: "limit", in: "query", required: false, schema: { type: "integer", default: 100, title: "Limit" } },
    ]);
  });

  it("uses a configured instance as a parameterised dependency", async () => {
    const checker = new FixedContentQueryChecker("bar");
    const app = new FastAPI();
    app.get("/query-checker/", { params: { fixed_content_included: Depends(checker) } }, async function read_query_check({ fixed_content_included }) {
      expectTypeOf(fixed_content_included).toEqualTypeOf<boolean>();
      return { fixed_content_in_query: fixed_content_included };
    });
    const client = new TestClient(app);
    expect((await client.get("/query-checker/?q=foobar")).json()).toEqual({ fixed_content_in_query: true });
    expect((await client.get("/query-checker/?q=foo")).json()).toEqual({ fixed_content_in_query: false });
    expect((await client.get("/query-checker/")).json()).toEqual({ fixed_content_in_query: false });
  });

  it("gives dependencies the Request, the temporal Response, BackgroundTasks and SecurityScopes", async () => {
    const done: string[] = [];
    const context = dependency({ params: { request: Request, response: Response, tasks: BackgroundTasks, scopes: SecurityScopes } },
      function context_dep({ request, response, tasks, scopes }) {
        response.headers.set("x-from-dependency", request.method);
        response.setCookie("seen", "yes");
        done.push(`tasks: ${tasks instanceof BackgroundTasks}`);
        return scopes.scopes;
      });
    const app = new FastAPI();
    app.get("/ctx", { params: { scopes: Security(context, { scopes: ["me", "items", "me"] }) } }, async function ctx({ scopes }) {
      return { scopes };
    });
    const r = await new TestClient(app).get("/ctx");
    expect(r.json()).toEqual({ scopes: ["me", "items"] });
    expect(r.headers.get("x-from-dependency")).toBe("GET");
    expect(r.cookies).toEqual({ seen: "yes" });
    expect(done).toEqual(["tasks: true"]);
  });

  it("documents the parameters of sub-dependencies at any depth, once each", async () => {
    const queryExtractor = dependency({ params: { q: Query(z.string().nullable().default(null)) } }, function query_extractor({ q }) { return q; });
    const queryOrCookie = dependency(
      { params: { q: Depends(queryExtractor), last_query: Cookie(z.string().nullable().default(null)) } },
      function query_or_cookie_extractor({ q, last_query }) { return q ?? last_query; },
    );
    const app = new FastAPI();
    app.get("/items/", { params: { query_or_default: Depends(queryOrCookie), again: Depends(queryExtractor), x_token: Header(z.string()) } },
      async function read_query({ query_or_default }) { return { q_or_cookie: query_or_default }; });
    const client = new TestClient(app);
    expect((await client.get("/items/", { cookies: { last_query: "from cookie" }, headers: { "x-token": "t" } })).json())
      .toEqual({ q_or_cookie: "from cookie" });
    const op = app.openapi().paths["/items/"]!.get as { parameters: { name: string; in: string }[] };
    expect(op.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["cookie:last_query", "header:x-token", "query:q"]);
  });

  it("overrides dependencies anywhere (sub-dependency, operation, router and app lists), live, and clears them", async () => {
    const calls: string[] = [];
    async function get_settings() { return { env: "prod" }; }
    const verifyToken = dependency({ params: { x_token: Header(z.string()) } }, function verify_token({ x_token }) {
      if (x_token !== "secret") throw new HTTPException(400, { detail: "X-Token header invalid" });
    });
    const verifyKey = dependency({ params: { x_key: Header(z.string()) } }, function verify_key({ x_key }) {
      if (x_key !== "key") throw new HTTPException(400, { detail: "X-Key header invalid" });
    });
    const auditor = dependency({ params: { settings: Depends(get_settings) } }, function audit({ settings }) { calls.push(`audit ${settings.env}`); });
    const commons = dependency({ params: { settings: Depends(get_settings), q: Query(z.string().nullable().default(null)) } },
      async function common_parameters({ settings, q }) { return { env: settings.env, q }; });
    const app = new FastAPI({ dependencies: [Depends(verifyToken)] });
    const router = new APIRouter({ prefix: "/items", dependencies: [Depends(verifyKey)] });
    router.get("/", { params: { commons: Depends(commons) }, dependencies: [Depends(auditor)] }, async function read_items({ commons }) {
      return commons;
    });
    app.includeRouter(router);
    const client = new TestClient(app);
    const headers = { "x-token": "secret", "x-key": "key" };
    expect((await client.get("/items/?q=a", { headers })).json()).toEqual({ env: "prod", q: "a" });
    expect((await client.get("/items/")).status).toBe(422);

    const noCheck = (): undefined => undefined;
    app.dependencyOverrides.set(verifyToken, noCheck);
    app.dependencyOverrides.set(verifyKey, noCheck);
    app.dependencyOverrides.set(get_settings, async () => ({ env: "test" }));
    expect((await client.get("/items/?q=b")).json()).toEqual({ env: "test", q: "b" });
    app.dependencyOverrides.set(commons, dependency({ params: { q: Query(z.string().nullable().default(null)) } },
      function override_commons({ q }) { return { env: "overridden", q }; }));
    expect((await client.get("/items/?q=c")).json()).toEqual({ env: "overridden", q: "c" });
    // (A dependency with valid inputs runs even when another one's are invalid, as in FastAPI: the 422 ran it too.)
    expect(calls).toEqual(["audit prod", "audit prod", "audit test", "audit test"]);
    await withServer(app, async (base) => {
      expect(await (await fetch(`${base}/items/?q=d`)).json()).toEqual({ env: "overridden", q: "d" });
    });
    app.dependencyOverrides.clear();
    const r = await client.get("/items/", { headers: { "x-token": "nope", "x-key": "key" } });
    expect([r.status, r.json()]).toEqual([400, { detail: "X-Token header invalid" }]);
    // The OpenAPI document describes the declared graph, never the overrides.
    const params = (app.openapi().paths["/items/"]!.get as { parameters: { name: string }[] }).parameters.map((p) => p.name);
    expect(params.sort()).toEqual(["q", "x-key", "x-token"]);
  });

  it("keys the per-request cache by the scopes too, as FastAPI does", async () => {
    let n = 0;
    const counter = dependency({ params: { s: SecurityScopes } }, function counter_dep({ s }) { n++; return s.scopeStr; });
    const app = new FastAPI();
    app.get("/", { params: { a: Security(counter, { scopes: ["x"] }), b: Security(counter, { scopes: ["x"] }), c: Security(counter, { scopes: ["y"] }) } },
      async function root({ a, b, c }) { return [a, b, c]; });
    expect((await new TestClient(app).get("/")).json()).toEqual(["x", "x", "y"]);
    expect(n).toBe(2);
  });
});
