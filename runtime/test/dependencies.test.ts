import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request, Response, TestClient, dependency } from "../src/index.ts";
import { withServer } from "./helpers.ts";

const commonParameters = dependency(
  { params: { q: Query(z.string().nullable().default(null)), skip: z.int().default(0), limit: z.int().default(100) } },
  async function common_parameters({ q, skip, limit }) {
    return { q, skip, limit };
  },
);

describe("dependencies", () => {
  it("injects a dependency's value; its parameters are validated and documented as the operation's", async () => {
    const app = new FastAPI();
    app.get("/items/", { params: { commons: Depends(commonParameters) } }, async function read_items({ commons }) {
      return commons;
    });
    const client = new TestClient(app);
    expect((await client.get("/items/?q=foo&skip=5&limit=30")).json()).toEqual({ q: "foo", skip: 5, limit: 30 });
    expect((await client.get("/items/?skip=x")).json()).toEqual({ detail: [
      { type: "int_parsing", loc: ["query", "skip"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" },
    ] });
    const op = app.openapi().paths["/items/"]!.get as { parameters: { name: string }[]; responses: Record<string, unknown> };
    expect(op.parameters.map((p) => p.name)).toEqual(["q", "skip", "limit"]);
    expect(op.responses["422"]).toBeDefined();
  });

  it("resolves sub-dependencies, caches per request, and honours useCache: false", async () => {
    const calls: string[] = [];
    const queryExtractor = dependency({ params: { q: Query(z.string().optional()) } }, function query_extractor({ q }) {
      calls.push("extractor");
      return q;
    });
    const queryOrCookie = dependency(
      { params: { q: Depends(queryExtractor), last_query: Header(z.string().optional()) } },
      function query_or_cookie_extractor({ q, last_query }) {
        return q ?? last_query ?? null;
      },
    );
    const app = new FastAPI();
    app.get("/items/", {
      params: { query_or_default: Depends(queryOrCookie), again: Depends(queryExtractor), fresh: Depends(queryExtractor, { useCache: false }) },
    }, async function read_query({ query_or_default, again, fresh }) {
      return { q_or_cookie: query_or_default, again: again ?? null, fresh: fresh ?? null };
    });
    const client = new TestClient(app);
    expect((await client.get("/items/?q=foo")).json()).toEqual({ q_or_cookie: "foo", again: "foo", fresh: "foo" });
    expect(calls).toEqual(["extractor", "extractor"]);
    expect((await client.get("/items/", { headers: { "last-query": "bar" } })).json()).toEqual({ q_or_cookie: "bar", again: null, fresh: null });
  });

  it("runs dependencies of operations, routers and the app for their effect", async () => {
    const order: string[] = [];
    const verifyToken = dependency({ params: { x_token: Header(z.string()) } }, async function verify_token({ x_token }) {
      order.push("token");
      if (x_token !== "fake-super-secret-token") throw new HTTPException(400, { detail: "X-Token header invalid" });
    });
    const verifyKey = dependency({ params: { x_key: Header(z.string()) } }, async function verify_key({ x_key }) {
      order.push("key");
      if (x_key !== "fake-super-secret-key") throw new HTTPException(400, { detail: "X-Key header invalid" });
      return x_key;
    });
    const app = new FastAPI({ dependencies: [Depends(verifyToken)] });
    const router = new APIRouter({ prefix: "/items", dependencies: [Depends(verifyKey)] });
    router.get("/", async function read_items() {
      order.push("handler");
      return [{ item: "Foo" }];
    });
    app.includeRouter(router);
    const client = new TestClient(app);
    const ok = await client.get("/items/", { headers: { "x-token": "fake-super-secret-token", "x-key": "fake-super-secret-key" } });
    expect(ok.json()).toEqual([{ item: "Foo" }]);
    expect(order).toEqual(["token", "key", "handler"]);
    const bad = await client.get("/items/", { headers: { "x-token": "nope", "x-key": "fake-super-secret-key" } });
    expect([bad.status, bad.json()]).toEqual([400, { detail: "X-Token header invalid" }]);
    const missing = await client.get("/items/");
    expect(missing.json()).toEqual({ detail: [
      { type: "missing", loc: ["header", "x-token"], msg: "Field required", input: null },
      { type: "missing", loc: ["header", "x-key"], msg: "Field required", input: null },
    ] });
    const params = (app.openapi().paths["/items/"]!.get as { parameters: { name: string }[] }).parameters.map((p) => p.name);
    expect(params).toEqual(["x-token", "x-key"]);
  });

  it("does not guard the docs with the app's dependencies (they are plain routes, as in FastAPI)", async () => {
    const verifyToken = dependency({ params: { x_token: Header(z.string()) } }, async function verify_token({ x_token }) {
      if (x_token !== "secret") throw new HTTPException(400, { detail: "X-Token header invalid" });
    });
    const app = new FastAPI({ dependencies: [Depends(verifyToken)] });
    app.get("/items/", async function read_items() {
      return [];
    });
    const client = new TestClient(app);
    expect((await client.get("/items/")).status).toBe(422);
    for (const path of ["/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"]) {
      expect((await client.get(path)).status).toBe(200);
    }
    const op = app.openapi().paths["/items/"]!.get as { parameters: { name: string }[] };
    expect(op.parameters.map((p) => p.name)).toEqual(["x-token"]);
  });

  it("runs generator dependencies' cleanup in reverse order, with errors thrown at the yield", async () => {
    const log: string[] = [];
    async function* get_db() {
      log.push("db open");
      try {
        yield "db";
      } catch (e) {
        log.push(`db saw ${(e as Error).message}`);
        throw e;
      } finally {
        log.push("db close");
      }
    }
    const getUser = dependency({ params: { db: Depends(get_db) } }, async function* get_user({ db }) {
      log.push("user open");
      yield `user from ${db}`;
      log.push("user close");
    });
    const app = new FastAPI();
    app.get("/ok", { params: { user: Depends(getUser), request: Request, response: Response } }, async function ok({ user, request, response }) {
      log.push(`handler ${user} ${request.method}`);
      response.headers.set("x-user", user);
      return { user };
    });
    app.get("/fail", { params: { user: Depends(getUser) } }, async function fail() {
      throw new HTTPException(404, { detail: "nope" });
    });
    const client = new TestClient(app);
    const r = await client.get("/ok");
    expect(r.json()).toEqual({ user: "user from db" });
    expect(r.headers.get("x-user")).toBe("user from db");
    expect(log).toEqual(["db open", "user open", "handler user from db GET", "user close", "db close"]);
    log.length = 0;
    const f = await client.get("/fail");
    expect([f.status, f.json()]).toEqual([404, { detail: "nope" }]);
    expect(log).toEqual(["db open", "user open", "db saw nope", "db close"]);
  });

  it("applies and clears dependencyOverrides anywhere in the graph", async () => {
    const app = new FastAPI();
    app.get("/items/", { params: { commons: Depends(commonParameters) } }, async function read_items({ commons }) {
      return { message: "Hello Items!", params: commons };
    });
    const client = new TestClient(app);
    const override = dependency({ params: { q: Query(z.string().nullable().default(null)) } }, async function override_dependency({ q }) {
      return { q, skip: 5, limit: 10 };
    });
    app.dependencyOverrides.set(commonParameters, override);
    expect((await client.get("/items/?q=foo&skip=100")).json()).toEqual({ message: "Hello Items!", params: { q: "foo", skip: 5, limit: 10 } });
    app.dependencyOverrides.clear();
    expect((await client.get("/items/?q=foo&skip=100")).json()).toEqual({ message: "Hello Items!", params: { q: "foo", skip: 100, limit: 100 } });
  });

  it("shares one body between dependencies (embedded by name)", async () => {
    const Item = z.object({ name: z.string() }).meta({ id: "Item" });
    const withItem = dependency({ params: { item: Item } }, function with_item({ item }) {
      return item.name.toUpperCase();
    });
    const app = new FastAPI();
    app.post("/items/", { params: { upper: Depends(withItem), count: z.object({ n: z.int() }) } }, async function create({ upper, count }) {
      return { upper, n: count.n };
    });
    const client = new TestClient(app);
    expect((await client.post("/items/", { json: { item: { name: "foo" }, count: { n: 2 } } })).json()).toEqual({ upper: "FOO", n: 2 });
    const schemas = (app.openapi().components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.Body_create_items__post).toEqual({
      properties: { item: { $ref: "#/components/schemas/Item" }, count: { type: "object", properties: { n: { type: "integer", title: "N" } }, required: ["n"], title: "Count" } },
      type: "object", required: ["count", "item"], title: "Body_create_items__post",
    });
    // As FastAPI 0.142 documents it: the operation's own body field, then its dependency's.
    expect(Object.keys((schemas.Body_create_items__post as { properties: object }).properties)).toEqual(["count", "item"]);
    await withServer(app, async (base) => {
      const r = await fetch(`${base}/items/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ item: { name: "x" }, count: { n: 1 } }) });
      expect(await r.json()).toEqual({ upper: "X", n: 1 });
    });
  });
});
