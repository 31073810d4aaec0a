// Answers of Starlette 1.7 (FastAPI 0.142), read from a real server, that fastapi-ts's middleware, mounts and
// security schemes must give header for header.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CORSMiddleware, Depends, FastAPI, Path, FileResponse, GZipMiddleware, HTTPBasic, HTTPBearer, OAuth2PasswordBearer, PlainTextResponse, Response,
  StaticFiles, StreamingResponse, TestClient, getAuthorizationSchemeParam,
} from "../src/index.ts";

const PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network";

describe("CORSMiddleware as Starlette 1.7", () => {
  function client(options: ConstructorParameters<typeof CORSMiddleware>[1]): TestClient {
    const app = new FastAPI();
    app.addMiddleware(CORSMiddleware, options);
    app.get("/", async function home() { return new PlainTextResponse("Homepage"); });
    app.get("/vary", async function vary() { return new PlainTextResponse("Homepage", { headers: { vary: "Accept-Encoding" } }); });
    return new TestClient(app);
  }
  const cors = (r: { headers: Headers }) => Object.fromEntries([...r.headers].filter(([k]) => k.startsWith("access-control-") || k === "vary"));

  it("adds Vary: Origin to every simple answer: allowed origin, other origin, no origin", async () => {
    const c = client({ allowOrigins: ["https://example.org"] });
    expect(cors(await c.get("/", { headers: { origin: "https://example.org" } }))).toEqual({ "access-control-allow-origin": "https://example.org", vary: "Origin" });
    expect(cors(await c.get("/", { headers: { origin: "https://another.org" } }))).toEqual({ vary: "Origin" });
    expect(cors(await c.get("/"))).toEqual({ vary: "Origin" });
    expect(cors(await c.get("/vary", { headers: { origin: "https://example.org" } }))).toEqual({ "access-control-allow-origin": "https://example.org", vary: "Accept-Encoding, Origin" });
  });

  it("adds Vary: Origin with allowOrigins ['*'] too; with credentials the origin is mirrored, cookie or not", async () => {
    const open = client({ allowOrigins: ["*"] });
    expect(cors(await open.get("/", { headers: { origin: "https://example.org" } }))).toEqual({ "access-control-allow-origin": "*", vary: "Origin" });
    expect(cors(await open.get("/"))).toEqual({ vary: "Origin" });
    const cred = client({ allowOrigins: ["*"], allowCredentials: true, exposeHeaders: ["X-Status"] });
    expect(cors(await cred.get("/", { headers: { origin: "https://example.org" } }))).toEqual({
      "access-control-allow-origin": "https://example.org", "access-control-allow-credentials": "true", "access-control-expose-headers": "X-Status", vary: "Origin",
    });
  });

  it("answers a preflight with Starlette's Vary and ALL_METHODS (QUERY included) for allowMethods ['*']", async () => {
    const c = client({ allowOrigins: ["*"], allowMethods: ["*"] });
    const r = await c.options("/", { headers: { origin: "https://example.org", "access-control-request-method": "QUERY" } });
    expect([r.status, r.text]).toEqual([200, "OK"]);
    expect(cors(r)).toEqual({
      vary: PREFLIGHT_VARY, "access-control-allow-origin": "*", "access-control-max-age": "600",
      "access-control-allow-methods": "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY",
      "access-control-allow-headers": "Accept, Accept-Language, Content-Language, Content-Type",
    });
  });

  it("refuses a private-network preflight unless allowPrivateNetwork", async () => {
    const pn = { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-private-network": "true" };
    const refused = await client({ allowOrigins: ["https://example.org"] }).options("/", { headers: pn });
    expect([refused.status, refused.text]).toEqual([400, "Disallowed CORS private-network"]);
    expect(refused.headers.get("vary")).toBe(PREFLIGHT_VARY);
    expect(refused.headers.has("access-control-allow-private-network")).toBe(false);
    const c = client({ allowOrigins: ["https://example.org"], allowPrivateNetwork: true });
    const ok = await c.options("/", { headers: pn });
    expect([ok.status, ok.text]).toEqual([200, "OK"]);
    expect(cors(ok)).toEqual({
      vary: PREFLIGHT_VARY, "access-control-allow-origin": "https://example.org", "access-control-allow-methods": "GET", "access-control-max-age": "600",
      "access-control-allow-headers": "Accept, Accept-Language, Content-Language, Content-Type", "access-control-allow-private-network": "true",
    });
    // Any value of the request header asks; other failures are listed first.
    const bad = await c.options("/", { headers: { ...pn, origin: "https://x.org", "access-control-request-method": "PUT", "access-control-request-private-network": "false" } });
    expect([bad.status, bad.text, bad.headers.get("access-control-allow-private-network")]).toEqual([400, "Disallowed CORS origin, method", "true"]);
  });

  it("an empty allowOriginRegex still matches the empty origin in full", async () => {
    expect(cors(await client({ allowOriginRegex: "" }).get("/", { headers: { origin: "" } }))).toEqual({ "access-control-allow-origin": "", vary: "Origin" });
  });
});

describe("GZipMiddleware as Starlette 1.7", () => {
  const dir = mkdtempSync(join(tmpdir(), "fastapi-ts-gzip-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "a.txt"), "hello static\n");
  writeFileSync(join(dir, "mid.txt"), "y".repeat(600));
  writeFileSync(join(dir, "big.txt"), "z".repeat(70000));
  writeFileSync(join(dir, "exact.txt"), "z".repeat(65536));
  const app = new FastAPI();
  app.addMiddleware(GZipMiddleware, { minimumSize: 500 });
  app.apiRoute("/big", { methods: ["GET", "HEAD"] }, async function big() { return new PlainTextResponse("x".repeat(600)); });
  app.get("/small", async function small() { return new PlainTextResponse("x".repeat(10)); });
  app.get("/ss", async function ss() { return new StreamingResponse((async function* () { yield "xxxxx"; })(), { mediaType: "text/plain" }); });
  app.get("/se", async function se() { return new StreamingResponse((async function* () {})(), { mediaType: "text/plain" }); });
  app.get("/png", async function png() { return new Response(new Uint8Array(600), { mediaType: "image/png" }); });
  app.get("/audio", async function audio() { return new Response(new Uint8Array(600), { mediaType: "Audio/Ogg; x=1" }); });
  app.get("/enc", async function enc() { return new Response("x".repeat(600), { mediaType: "text/plain", headers: { "content-encoding": "br" } }); });
  app.get("/206", async function partial() { return new Response("x".repeat(600), { status: 206 }); });
  for (const name of ["a", "mid", "big", "exact"]) {
    app.apiRoute(`/f${name}`, { methods: ["GET", "HEAD"] }, async function file() { return new FileResponse(join(dir, `${name}.txt`)); });
  }

  async function get(path: string, encoding: string, method = "GET") {
    const r = await app.fetch(new globalThis.Request(`http://t${path}`, { method, headers: { "accept-encoding": encoding } }));
    const raw = new Uint8Array(await r.arrayBuffer());
    const headers = Object.fromEntries(["content-encoding", "content-length", "vary"].flatMap((k) => (r.headers.has(k) ? [[k, r.headers.get(k)]] : [])));
    const text = r.headers.get("content-encoding") === "gzip" && raw.byteLength ? gunzipSync(raw).toString() : new TextDecoder().decode(raw);
    return { status: r.status, headers, length: text.length };
  }
  const gz = { "content-encoding": "gzip", vary: "Accept-Encoding" };

  it("adds Vary: Accept-Encoding to a large body whether or not the client takes gzip (case-sensitive gzip)", async () => {
    const big = await get("/big", "gzip");
    expect([big.status, big.headers["content-encoding"], big.headers.vary, big.length]).toEqual([200, "gzip", "Accept-Encoding", 600]);
    // (A fetch Response of a string has no Content-Length; the server adds it.)
    for (const enc of ["br", "GZIP", ""]) expect((await get("/big", enc)).headers).toEqual({ vary: "Accept-Encoding" });
    expect((await get("/big", "x-gzip")).headers["content-encoding"]).toBe("gzip");
    // HEAD gets the headers of the GET (the body is dropped): compressed length included.
    const head = await get("/big", "gzip", "HEAD");
    expect([head.headers["content-encoding"], head.headers.vary, head.headers["content-length"]]).toEqual(["gzip", "Accept-Encoding", big.headers["content-length"]]);
  });

  it("leaves small bodies, excluded types, encoded bodies and 206 alone, without Vary", async () => {
    for (const path of ["/small", "/png", "/audio", "/206"]) expect((await get(path, "gzip")).headers).toEqual({});
    expect((await get("/enc", "gzip")).headers).toEqual({ "content-encoding": "br" });
  });

  it("compresses a stream from its first piece whatever its size; an empty stream goes out as it is", async () => {
    expect(await get("/ss", "gzip")).toEqual({ status: 200, headers: gz, length: 5 });
    expect((await get("/ss", "br")).headers).toEqual({ vary: "Accept-Encoding" });
    expect((await get("/se", "gzip")).headers).toEqual({});
  });

  it("flushes every piece of a stream as it comes (Z_SYNC_FLUSH): the client reads it before the stream ends", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const a = new FastAPI();
    a.addMiddleware(GZipMiddleware);
    a.get("/slow", async function slow() {
      return new StreamingResponse((async function* () { yield "first piece"; await held; yield "second piece"; })(), { mediaType: "text/plain" });
    });
    const r = await a.fetch(new globalThis.Request("http://t/slow", { headers: { "accept-encoding": "gzip" } }));
    const reader = r.body!.getReader();
    const got: Uint8Array[] = [];
    let text = "";
    while (!text.includes("first piece")) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      got.push(value!);
      text = gunzipSync(Buffer.concat(got), { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    }
    release();
    for (let c = await reader.read(); !c.done; c = await reader.read()) got.push(c.value);
    expect(gunzipSync(Buffer.concat(got)).toString()).toBe("first piecesecond piece");
  }, 5000);

  it("sends a file under 64 KiB as one whole body: below minimumSize untouched, above compressed with its length", async () => {
    expect((await get("/fa", "gzip")).headers).toEqual({ "content-length": "13" });
    expect((await get("/fa", "gzip", "HEAD")).headers).toEqual({ "content-length": "13" });
    const mid = await get("/fmid", "gzip");
    expect([mid.headers["content-encoding"], mid.headers.vary, mid.length]).toEqual(["gzip", "Accept-Encoding", 600]);
    expect(Number(mid.headers["content-length"])).toBeLessThan(600);
    expect((await get("/fmid", "gzip", "HEAD")).headers).toEqual({ "content-length": "600" });
    expect((await get("/fmid", "br")).headers).toEqual({ "content-length": "600", vary: "Accept-Encoding" });
    // From 64 KiB a file streams: compressed without a length, or sent whole with Vary.
    for (const name of ["big", "exact"]) {
      const streamed = await get(`/f${name}`, "gzip");
      expect(streamed.headers).toEqual(gz);
      expect((await get(`/f${name}`, "br")).headers).toEqual({ "content-length": String(streamed.length), vary: "Accept-Encoding" });
    }
  });
});

describe("Authorization header split as FastAPI's get_authorization_scheme_param", () => {
  const app = new FastAPI();
  app.get("/bearer", { params: { c: Depends(new HTTPBearer()) } }, function bearer({ c }) { return { s: c.scheme, c: c.credentials }; });
  app.get("/oauth", { params: { t: Depends(new OAuth2PasswordBearer({ tokenUrl: "token" })) } }, function oauth({ t }) { return { t }; });
  app.get("/basic", { params: { c: Depends(new HTTPBasic()) } }, function basic({ c }) { return { u: c.username, p: c.password }; });
  const client = new TestClient(app);
  const auth = (path: string, value: string) => client.get(path, { headers: { authorization: value } });

  it("strips the parameter after the first space (Python's whitespace, \\x85 included)", async () => {
    expect(getAuthorizationSchemeParam("Bearer  two  spaces ")).toEqual(["Bearer", "two  spaces"]);
    expect(getAuthorizationSchemeParam("Bearer \x85\xa0\ttok\x1f")).toEqual(["Bearer", "tok"]);
    expect(getAuthorizationSchemeParam("Bearer")).toEqual(["Bearer", ""]);
    expect(getAuthorizationSchemeParam(" Bearer x")).toEqual(["", "Bearer x"]);
  });

  it("gives every scheme the stripped parameter", async () => {
    expect((await auth("/bearer", "Bearer  two  spaces")).json()).toEqual({ s: "Bearer", c: "two  spaces" });
    expect((await auth("/oauth", "bearer \x85tok")).json()).toEqual({ t: "tok" });
    expect((await auth("/basic", "Basic  dTpw")).json()).toEqual({ u: "u", p: "p" });
    // Only whitespace after the scheme: no credentials.
    expect((await auth("/bearer", "Bearer \x85")).status).toBe(401);
    expect((await auth("/oauth", "Bearer \x85")).json()).toEqual({ t: "" });
  });

  it("decodes Basic credentials as Python's b64decode: '=' ends only a full group, other characters are skipped", async () => {
    const ok: [string, string][] = [["dTpw=", "u:p"], ["dTpw==", "u:p"], ["dT=pw", "u:p"], ["=dTpw", "u:p"], ["dTpw====", "u:p"], ["dTp=", "u:"],
      ["d Tpw", "u:p"], ["dT.pw", "u:p"], ["dTpwdQ==", "u:pu"]];
    for (const [param, up] of ok) expect([param, (await auth("/basic", `Basic ${param}`)).json()]).toEqual([param, { u: up.split(":")[0], p: up.slice(up.indexOf(":") + 1) }]);
    for (const param of ["dT\x85pw", "dT\xe9pw", "dTp", "dTpw=x", "dTpwdQ", "dTpwdQ=", "dTpwd==="]) {
      expect([param, (await auth("/basic", `Basic ${param}`)).status]).toEqual([param, 401]);
    }
  });
});

describe("a mount's path without its slash, and StaticFiles, as Starlette 1.7", () => {
  const dir = mkdtempSync(join(tmpdir(), "fastapi-ts-mount-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "a.txt"), "hi\n");
  function appWith(options: ConstructorParameters<typeof FastAPI>[0] = {}): FastAPI {
    const app = new FastAPI(options);
    app.mount("/static", new StaticFiles({ directory: dir }));
    const sub = new FastAPI();
    sub.get("/", function subroot() { return { sub: true }; });
    app.mount("/subapi", sub);
    return app;
  }

  it("redirects /static to /static/ (307, query kept) whatever the method, as its own routes' redirect_slashes", async () => {
    const client = new TestClient(appWith(), { followRedirects: false });
    for (const method of ["GET", "POST", "PUT", "HEAD", "OPTIONS", "DELETE"]) {
      const r = await client.request(method, "/static?x=1&y=%20");
      expect([method, r.status, r.headers.get("location")]).toEqual([method, 307, "http://testserver/static/?x=1&y=%20"]);
    }
    const sub = await client.get("/subapi");
    expect([sub.status, sub.headers.get("location")]).toEqual([307, "http://testserver/subapi/"]);
  });

  it("answers 404 with redirectSlashes false; a root mount added later takes the path as it is", async () => {
    expect((await new TestClient(appWith({ redirectSlashes: false })).get("/static")).status).toBe(404);
    const app = appWith();
    const root = new FastAPI();
    root.get("/{p:path}", { params: { p: Path(z.string()) } }, function any({ p }) { return { p }; });
    app.mount("/", root);
    expect((await new TestClient(app, { followRedirects: false }).get("/static")).json()).toEqual({ p: "static" });
  });

  it("answers a route's 405 before redirecting to a mount, as Starlette's router (a partial match comes first)", async () => {
    const app = appWith();
    app.post("/static", function upload() { return { uploaded: true }; });
    const client = new TestClient(app, { followRedirects: false });
    const get = await client.get("/static");
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await client.post("/static")).json()).toEqual({ uploaded: true });
  });

  it("StaticFiles serves a file named with a trailing slash, and answers other methods 405 without Allow", async () => {
    const client = new TestClient(appWith());
    const slash = await client.get("/static/a.txt/");
    expect([slash.status, slash.text]).toEqual([200, "hi\n"]);
    const post = await client.post("/static/a.txt");
    expect([post.status, post.json(), post.headers.has("allow")]).toEqual([405, { detail: "Method Not Allowed" }, false]);
  });
});
