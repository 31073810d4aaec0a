import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  Depends, FastAPI, Form, HTMLResponse, HTTPException, JSONResponse, OAuth2PasswordRequestForm, PlainTextResponse, RequestValidationError,
  BackgroundTasks, Response, TestClient, dependency, jsonableEncoder,
  type Request,
} from "../src/index.ts";

// Differential testing against FastAPI 0.142 / Starlette 1.7 (the same app run by both, the same requests sent):
// each expectation is FastAPI's answer.

describe("OAuth2PasswordRequestForm scopes", () => {
  const app = new FastAPI();
  app.post("/token", { params: { form: Depends(OAuth2PasswordRequestForm) } }, function token({ form }) {
    return { scopes: form.scopes };
  });
  const client = new TestClient(app);
  const scopes = async (scope: string) => (await client.post("/token", { data: { username: "u", password: "p", scope } })).json();

  it("splits scope as Python's str.split(): on Python whitespace, not JavaScript's", async () => {
    expect(await scopes(" a\tb\nc ")).toEqual({ scopes: ["a", "b", "c"] });
    expect(await scopes("a\x1fb\x1cc")).toEqual({ scopes: ["a", "b", "c"] });
    expect(await scopes("a\x85b\u2028c")).toEqual({ scopes: ["a", "b", "c"] });
    expect(await scopes("a\u00a0b\u3000c")).toEqual({ scopes: ["a", "b", "c"] });
    // U+FEFF is whitespace to JavaScript's \s, not to Python.
    expect(await scopes("a\ufeffb")).toEqual({ scopes: ["a\ufeffb"] });
    expect(await scopes("")).toEqual({ scopes: [] });
  });
});

describe("HTTPException without a detail", () => {
  it("sends Python's phrase for 418: I'm a Teapot", async () => {
    const app = new FastAPI();
    app.get("/", function teapot(): never {
      throw new HTTPException(418);
    });
    expect((await new TestClient(app).get("/")).json()).toEqual({ detail: "I'm a Teapot" });
  });
});

describe("RequestValidationError.body in an overriding handler", () => {
  const app = new FastAPI();
  app.exceptionHandler(RequestValidationError, async function handler(_request: Request, exc: RequestValidationError) {
    return new JSONResponse(jsonableEncoder({ detail: exc.errors(), body: exc.body }), { status: 422 });
  });
  const Item = z.object({ title: z.string(), size: z.int() });
  app.post("/items/", { params: { item: Item } }, function create({ item }) {
    return item;
  });
  app.post("/form", { params: { a: Form(z.string()), b: Form(z.int()) } }, function form({ a, b }) {
    return { a, b };
  });
  app.get("/q", { params: { n: z.int() } }, function q({ n }) {
    return { n };
  });
  const client = new TestClient(app);
  const missingBody = [{ type: "missing", loc: ["body"], msg: "Field required", input: null }];

  it("is null when no body was sent (FastAPI's None), not left out", async () => {
    expect((await client.post("/items/")).json()).toEqual({ detail: missingBody, body: null });
    expect((await client.post("/items/", { content: "", headers: { "content-type": "application/json" } })).json()).toEqual({ detail: missingBody, body: null });
    expect((await client.get("/q")).json()).toEqual({
      detail: [{ type: "missing", loc: ["query", "n"], msg: "Field required", input: null }], body: null,
    });
  });

  it("is the parsed JSON, or the raw text of a body that is not JSON", async () => {
    expect((await client.post("/items/", { json: { title: "t" } })).json()).toMatchObject({ body: { title: "t" } });
    expect((await client.post("/items/", { content: "{bad", headers: { "content-type": "application/json" } })).json()).toMatchObject({ body: "{bad" });
  });

  it("is the form's fields for a form route: {} when the body is empty or not a form", async () => {
    const missing = [
      { type: "missing", loc: ["body", "a"], msg: "Field required", input: null },
      { type: "missing", loc: ["body", "b"], msg: "Field required", input: null },
    ];
    expect((await client.post("/form", { data: {} })).json()).toEqual({ detail: missing, body: {} });
    expect((await client.post("/form", { json: { a: "x" } })).json()).toEqual({ detail: missing, body: {} });
    expect((await client.post("/form", { data: { a: "x" } })).json()).toMatchObject({ body: { a: "x" } });
  });

  it("defaults to null when constructed without one", () => {
    expect(new RequestValidationError([]).body).toBeNull();
  });
});

describe("responseModelExcludeUnset on a request body returned as it is", () => {
  const app = new FastAPI();
  const Item = z.object({ title: z.string(), size: z.int(), tags: z.array(z.string()).default([]), note: z.string().nullable().default(null) });
  app.post("/echo", { params: { item: Item }, responseModel: Item, responseModelExcludeUnset: true }, function echo({ item }) {
    return item;
  });
  app.post("/wrapped", { params: { item: Item }, responseModel: z.object({ item: Item }), responseModelExcludeUnset: true }, function wrapped({ item }) {
    return { item };
  });
  app.post("/copy", { params: { item: Item }, responseModel: Item, responseModelExcludeUnset: true }, function copy({ item }) {
    return { ...item };
  });
  const client = new TestClient(app);

  it("leaves out the defaults the client did not send (pydantic's fields_set)", async () => {
    expect((await client.post("/echo", { json: { title: "t", size: 1 } })).json()).toEqual({ title: "t", size: 1 });
    expect((await client.post("/echo", { json: { title: "t", size: 1, note: null } })).json()).toEqual({ title: "t", size: 1, note: null });
    expect((await client.post("/wrapped", { json: { title: "t", size: 1 } })).json()).toEqual({ item: { title: "t", size: 1 } });
  });

  it("keeps every member of a copy, as of item.model_dump()", async () => {
    expect((await client.post("/copy", { json: { title: "t", size: 1 } })).json()).toEqual({ title: "t", size: 1, tags: [], note: null });
  });
});

describe("a response class given content it cannot encode", () => {
  const app = new FastAPI();
  app.get("/plain-num", { responseClass: PlainTextResponse }, function plain_num() {
    return 42;
  });
  app.get("/html-model", { responseClass: HTMLResponse, responseModel: z.object({ name: z.string() }) }, function html_model() {
    return { name: "n" };
  });
  app.get("/bytes", function bytes() {
    return new Response(new TextEncoder().encode("raw"), { mediaType: "text/csv" });
  });
  const client = new TestClient(app, { raiseServerExceptions: false });

  it("is a 500 Internal Server Error, as Starlette's content.encode() fails (not String(content))", async () => {
    for (const path of ["/plain-num", "/html-model"]) {
      const r = await client.get(path);
      expect([r.status, r.text, r.headers.get("content-type")]).toEqual([500, "Internal Server Error", "text/plain; charset=utf-8"]);
    }
    expect(() => new PlainTextResponse({ a: 1 } as never)).toThrow(TypeError);
  });

  it("still sends text and bytes", async () => {
    expect((await client.get("/bytes")).text).toBe("raw");
  });
});

describe("the responseModel… filters, as pydantic applies them", () => {
  const app = new FastAPI();
  const Sub = z.object({ a: z.int().nullable().default(null) });
  const M = z.object({
    d: z.record(z.string(), z.int().nullable()).default({}), l: z.array(z.int().nullable()).default([]),
    o: z.record(z.string(), z.int()).default({ a: 1, b: 2 }), s: Sub.nullable().default(null), subs: z.array(Sub).default([]),
  });
  app.get("/none", { responseModel: M, responseModelExcludeNone: true }, function none() {
    return { d: { a: null, b: 1 }, l: [null, 1], s: { a: null }, subs: [{ a: null }, { a: 1 }] };
  });
  app.get("/defaults", { responseModel: M, responseModelExcludeDefaults: true }, function defaults() {
    return { o: { b: 2, a: 1 }, s: { a: null }, subs: [{ a: null }], d: {} };
  });
  const Cat = z.object({ kind: z.literal("cat"), name: z.string().nullable().default(null) });
  const Dog = z.object({ kind: z.literal("dog"), bark: z.string().nullable().default(null) });
  app.get("/union", { responseModel: z.array(z.union([Cat, Dog])), responseModelExcludeNone: true }, function union() {
    return [{ kind: "cat" }, { kind: "dog", bark: "woof" }];
  });
  app.get("/nomodel", { responseModelExcludeNone: true, responseModelInclude: ["d", "x"], responseModelExclude: ["d"] }, function nomodel() {
    return { d: { a: null }, x: null, y: 1 };
  });
  const client = new TestClient(app);

  it("excludeNone drops the null fields of models at every depth, not the null values of records and lists", async () => {
    expect((await client.get("/none")).json()).toEqual({ d: { a: null, b: 1 }, l: [null, 1], o: { a: 1, b: 2 }, s: {}, subs: [{}, { a: 1 }] });
    expect((await client.get("/union")).json()).toEqual([{ kind: "cat" }, { kind: "dog", bark: "woof" }]);
  });

  it("excludeDefaults compares as Python's ==: a dict equals its default whatever the order of its keys", async () => {
    expect((await client.get("/defaults")).json()).toEqual({ s: {}, subs: [{}] });
  });

  it("are not applied without a response model (FastAPI sends jsonable_encoder(content))", async () => {
    expect((await client.get("/nomodel")).json()).toEqual({ d: { a: null }, x: null, y: 1 });
  });
});

describe("background tasks queued by an operation", () => {
  const log: string[] = [];
  const app = new FastAPI();
  app.get("/own", { params: { tasks: BackgroundTasks } }, function own({ tasks }) {
    tasks.addTask(() => void log.push("queued"));
    const own = new BackgroundTasks();
    own.addTask(() => void log.push("own"));
    return new JSONResponse({}, { background: own });
  });
  app.get("/plain", { params: { tasks: BackgroundTasks } }, function plain({ tasks }) {
    tasks.addTask(() => void log.push("queued"));
    return new JSONResponse({});
  });
  app.get("/err", { params: { tasks: BackgroundTasks } }, function err({ tasks }): never {
    tasks.addTask(() => void log.push("queued-err"));
    throw new HTTPException(400);
  });
  const queues = dependency({ params: { tasks: BackgroundTasks } }, function queues({ tasks }) {
    tasks.addTask(() => void log.push("dep-task"));
  });
  const refuses = dependency({ params: {} }, function refuses(): never {
    throw new HTTPException(403);
  });
  app.get("/dep-err", { dependencies: [Depends(queues), Depends(refuses)] }, function dep_err() {
    return {};
  });
  const client = new TestClient(app);
  const after = async (path: string): Promise<string[]> => {
    log.length = 0;
    await client.get(path);
    await new Promise((resolve) => setTimeout(resolve, 10));
    return [...log];
  };

  it("run with the operation's response, not with an error's response (FastAPI attaches them on success only)", async () => {
    expect(await after("/plain")).toEqual(["queued"]);
    expect(await after("/err")).toEqual([]);
    expect(await after("/dep-err")).toEqual([]);
  });

  it("are dropped when the returned Response has background tasks of its own (FastAPI sets them only when it has none)", async () => {
    expect(await after("/own")).toEqual(["own"]);
  });
});
