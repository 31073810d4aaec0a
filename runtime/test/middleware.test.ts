import { gunzipSync } from "node:zlib";
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import {
  BaseHTTPMiddleware, CORSMiddleware, FastAPI, GZipMiddleware, HTTPException, HTTPSRedirectMiddleware, PlainTextResponse,
  StreamingResponse, TestClient, TrustedHostMiddleware, type CallNext, type Request,
} from "../src/index.ts";
import { withServer } from "./helpers.ts";
import { parseHost } from "../src/host.ts";

function homepage(app: FastAPI): void {
  app.get("/", async function homepage() { return new PlainTextResponse("Homepage", { status: 200 }); });
}

describe("middleware order and errors", () => {
  it("runs the last added middleware first, around the exception handlers", async () => {
    const app = new FastAPI();
    const order: string[] = [];
    app.middleware("http", async (request, callNext) => {
      order.push("first added: before");
      const r = await callNext(request);
      order.push(`first added: after ${r.status}`);
      return r;
    });
    class Timing extends BaseHTTPMiddleware {
      async dispatch(request: Request, callNext: CallNext) {
        order.push("class: before");
        const r = await callNext(request);
        r.headers.set("x-process-time", "1");
        order.push("class: after");
        return r;
      }
    }
    app.addMiddleware(Timing);
    app.get("/missing", async function missing() { throw new HTTPException(418, { detail: "teapot" }); });
    const client = new TestClient(app);
    const r = await client.get("/missing");
    expect([r.status, r.json(), r.headers.get("x-process-time")]).toEqual([418, { detail: "teapot" }, "1"]);
    expect(order).toEqual(["class: before", "first added: before", "first added: after 418", "class: after"]);
    expect((await client.get("/nope")).headers.get("x-process-time")).toBe("1");
  });

  it("lets unhandled errors through middleware to the 500 handler, and lets a middleware answer itself", async () => {
    const app = new FastAPI();
    let sawError: unknown = null;
    app.middleware("http", async (request, callNext) => {
      if (request.headers.get("x-block")) return new PlainTextResponse("blocked", { status: 403 });
      try {
        return await callNext(request);
      } catch (e) {
        sawError = e;
        throw e;
      }
    });
    app.get("/boom", async function boom() { throw new Error("boom"); });
    const client = new TestClient(app, { raiseServerExceptions: false });
    const r = await client.get("/boom");
    expect([r.status, r.text]).toEqual([500, "Internal Server Error"]);
    expect((sawError as Error).message).toBe("boom");
    expect((await client.get("/boom", { headers: { "x-block": "1" } })).status).toBe(403);
    await expect(new TestClient(app).get("/boom")).rejects.toThrow("boom");
  });
});

describe("CORSMiddleware (Starlette's cases)", () => {
  function app(options: ConstructorParameters<typeof CORSMiddleware>[1]): TestClient {
    const a = new FastAPI();
    a.addMiddleware(CORSMiddleware, options);
    homepage(a);
    a.post("/", async function post() { return new PlainTextResponse("Homepage", { status: 200 }); });
    return new TestClient(a);
  }

  it("allows all: preflight with requested headers mirrored, simple with *, expose headers", async () => {
    const client = app({ allowOrigins: ["*"], allowHeaders: ["*"], allowMethods: ["*"], exposeHeaders: ["X-Status"], allowCredentials: true });
    const pre = await client.options("/", { headers: { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-headers": "X-Example" } });
    expect(pre.status).toBe(200);
    expect(pre.text).toBe("OK");
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://example.org");
    expect(pre.headers.get("access-control-allow-headers")).toBe("X-Example");
    expect(pre.headers.get("access-control-allow-credentials")).toBe("true");
    expect(pre.headers.get("vary")).toBe("Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network");
    // With credentials, "*" is not enough for a browser: the origin is mirrored (Starlette 1.7, cookie or not).
    const simple = await client.get("/", { headers: { origin: "https://example.org" } });
    expect(simple.headers.get("access-control-allow-origin")).toBe("https://example.org");
    expect(simple.headers.get("access-control-expose-headers")).toBe("X-Status");
    expect(simple.headers.get("access-control-allow-credentials")).toBe("true");
    const withCookie = await client.get("/", { headers: { origin: "https://example.org", cookie: "a=1" } });
    expect(withCookie.headers.get("access-control-allow-origin")).toBe("https://example.org");
    expect(withCookie.headers.get("vary")).toBe("Origin");
    const noOrigin = await client.get("/");
    expect(noOrigin.headers.has("access-control-allow-origin")).toBe(false);
    expect(noOrigin.headers.get("vary")).toBe("Origin");
  });

  it("allows all origins without credentials: preflight answers * with Starlette's preflight Vary", async () => {
    const client = app({ allowOrigins: ["*"], allowHeaders: ["*"], allowMethods: ["*"] });
    const pre = await client.options("/", { headers: { origin: "https://example.org", "access-control-request-method": "POST" } });
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("vary")).toBe("Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network");
    expect(pre.headers.get("access-control-allow-methods")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY");
    expect(pre.headers.get("access-control-max-age")).toBe("600");
  });

  it("specific origins: preflight rejections name what failed; simple requests mirror the origin with Vary", async () => {
    const client = app({ allowOrigins: ["https://example.org"], allowHeaders: ["X-Example", "Content-Type"], maxAge: 100 });
    const ok = await client.options("/", { headers: { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-headers": "X-Example, content-type" } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-headers")).toBe("Accept, Accept-Language, Content-Language, Content-Type, X-Example");
    expect(ok.headers.get("access-control-max-age")).toBe("100");
    const bad = await client.options("/", { headers: { origin: "https://another.org", "access-control-request-method": "POST", "access-control-request-headers": "X-Nope" } });
    expect([bad.status, bad.text]).toEqual([400, "Disallowed CORS origin, method, headers"]);
    expect(bad.headers.has("access-control-allow-origin")).toBe(false);
    const simple = await client.get("/", { headers: { origin: "https://example.org" } });
    expect(simple.headers.get("access-control-allow-origin")).toBe("https://example.org");
    expect(simple.headers.get("vary")).toBe("Origin");
    const other = await client.get("/", { headers: { origin: "https://another.org" } });
    expect(other.status).toBe(200);
    expect(other.headers.has("access-control-allow-origin")).toBe(false);
    expect(other.headers.get("vary")).toBe("Origin");
    // A plain OPTIONS (no Access-Control-Request-Method) is not a preflight: it reaches the app.
    expect((await client.options("/", { headers: { origin: "https://example.org" } })).status).toBe(405);
  });

  it("origin regex matches in full; Vary is appended to the app's own", async () => {
    const a = new FastAPI();
    a.addMiddleware(CORSMiddleware, { allowOriginRegex: "https://.*\\.example\\.org" });
    a.get("/", async function v() { return new PlainTextResponse("x", { headers: { vary: "Accept-Encoding" } }); });
    const client = new TestClient(a);
    const r = await client.get("/", { headers: { origin: "https://api.example.org" } });
    expect(r.headers.get("access-control-allow-origin")).toBe("https://api.example.org");
    expect(r.headers.get("vary")).toBe("Accept-Encoding, Origin");
    const tail = await client.get("/", { headers: { origin: "https://api.example.org.evil.com" } });
    expect(tail.headers.has("access-control-allow-origin")).toBe(false);
    const pre = await client.options("/", { headers: { origin: "https://x.example.org", "access-control-request-method": "GET" } });
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://x.example.org");
  });
});

describe("GZipMiddleware (Starlette's cases)", () => {
  function gz(): FastAPI {
    const app = new FastAPI();
    app.addMiddleware(GZipMiddleware, { minimumSize: 500 });
    app.get("/big", async function big() { return new PlainTextResponse("x".repeat(4000)); });
    app.get("/small", async function small() { return new PlainTextResponse("OK"); });
    app.get("/encoded", async function encoded() { return new PlainTextResponse("x".repeat(4000), { headers: { "content-encoding": "text" } }); });
    app.get("/stream", async function stream() {
      return new StreamingResponse((async function* () { for (let i = 0; i < 10; i++) yield "x".repeat(400); })(), { mediaType: "text/plain" });
    });
    app.get("/sse", async function sse() {
      return new StreamingResponse((async function* () { yield "data: x\n\n".repeat(100); })(), { mediaType: "text/event-stream" });
    });
    return app;
  }

  it("compresses large bodies and streams for gzip clients, with Vary", async () => {
    const app = gz();
    for (const path of ["/big", "/stream"]) {
      const res = await app.fetch(new globalThis.Request(`http://t${path}`, { headers: { "accept-encoding": "gzip" } }));
      expect(res.headers.get("content-encoding")).toBe("gzip");
      expect(res.headers.get("vary")).toBe("Accept-Encoding");
      const raw = new Uint8Array(await res.arrayBuffer());
      expect(gunzipSync(raw).toString()).toBe("x".repeat(4000));
      if (path === "/big") expect(Number(res.headers.get("content-length"))).toBe(raw.byteLength);
      else expect(res.headers.has("content-length")).toBe(false);
    }
  });

  it("leaves small bodies, non-gzip clients, encoded responses and event streams alone", async () => {
    const app = gz();
    const get = (path: string, enc = "gzip") => app.fetch(new globalThis.Request(`http://t${path}`, { headers: { "accept-encoding": enc } }));
    const small = await get("/small");
    expect([small.headers.get("content-encoding"), small.headers.get("vary"), await small.text()]).toEqual([null, null, "OK"]);
    const identity = await get("/big", "identity");
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect((await identity.text()).length).toBe(4000);
    const streamIdentity = await get("/stream", "identity");
    expect(streamIdentity.headers.get("content-encoding")).toBeNull();
    const encoded = await get("/encoded");
    expect(encoded.headers.get("content-encoding")).toBe("text");
    expect((await encoded.text()).length).toBe(4000);
    const sse = await get("/sse");
    expect(sse.headers.get("content-encoding")).toBeNull();
  });

  it("serves gzip over a real server", async () => {
    await withServer(gz(), async (base) => {
      const body = await new Promise<{ enc: string | undefined; bytes: Buffer }>((resolve, reject) => {
        httpRequest(`${base}/stream`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ enc: res.headers["content-encoding"], bytes: Buffer.concat(chunks) }));
        }).on("error", reject).end();
      });
      expect(body.enc).toBe("gzip");
      expect(gunzipSync(body.bytes).toString()).toBe("x".repeat(4000));
    });
  });
});

describe("TrustedHostMiddleware and HTTPSRedirectMiddleware", () => {
  it("rejects untrusted hosts, accepts wildcards, redirects to www", async () => {
    const app = new FastAPI();
    app.addMiddleware(TrustedHostMiddleware, { allowedHosts: ["testserver", "*.testserver", "www.example.com"] });
    homepage(app);
    const client = new TestClient(app, { followRedirects: false });
    expect((await client.get("/")).status).toBe(200);
    expect((await client.get("/", { headers: { host: "sub.testserver" } })).status).toBe(200);
    const bad = await client.get("/", { headers: { host: "evil.com" } });
    expect([bad.status, bad.text]).toEqual([400, "Invalid host header"]);
    const www = await new TestClient(app, { baseUrl: "http://example.com", followRedirects: false }).get("/path?x=1");
    expect([www.status, www.headers.get("location")]).toEqual([307, "http://www.example.com/path?x=1"]);
    expect(() => new TrustedHostMiddleware(async () => new PlainTextResponse(""), { allowedHosts: ["*.example.*"] })).toThrow("wildcard");
  });

  it("redirects http to https (307), keeping non-default ports", async () => {
    const app = new FastAPI();
    app.addMiddleware(HTTPSRedirectMiddleware);
    homepage(app);
    const client = new TestClient(app, { followRedirects: false });
    const r = await client.get("/a?b=1");
    expect([r.status, r.headers.get("location")]).toEqual([307, "https://testserver/a?b=1"]);
    const port80 = await new TestClient(app, { baseUrl: "http://testserver:80", followRedirects: false }).get("/");
    expect(port80.headers.get("location")).toBe("https://testserver/");
    const custom = await new TestClient(app, { baseUrl: "http://testserver:8080", followRedirects: false }).get("/");
    expect(custom.headers.get("location")).toBe("https://testserver:8080/");
    const secure = await new TestClient(app, { baseUrl: "https://testserver" }).get("/");
    expect(secure.status).toBe(200);
  });

  it("CORS over a real server", async () => {
    const app = new FastAPI();
    app.addMiddleware(CORSMiddleware, { allowOrigins: ["http://localhost:8080"], allowMethods: ["GET", "POST"] });
    homepage(app);
    await withServer(app, async (base) => {
      const pre = await fetch(base, { method: "OPTIONS", headers: { origin: "http://localhost:8080", "access-control-request-method": "POST" } });
      expect([pre.status, pre.headers.get("access-control-allow-origin")]).toEqual([200, "http://localhost:8080"]);
      const bad = await fetch(base, { method: "OPTIONS", headers: { origin: "http://localhost:8080", "access-control-request-method": "DELETE" } });
      expect([bad.status, await bad.text()]).toEqual([400, "Disallowed CORS method"]);
    });
  });
});

// parseHost keeps the last answer and a bounded map of earlier ones: repeated, alternating and invalid values must
// each get their own answer.
describe("parseHost", () => {
  it("answers each value for itself, repeated, alternating with others, valid or not", () => {
    const cases: [string, ReturnType<typeof parseHost>][] = [
      ["example.com:8000", { hostname: "example.com", port: "8000" }],
      ["example.com:8000", { hostname: "example.com", port: "8000" }],
      ["example.com:evil@evil.com", null],
      ["example.com:8000", { hostname: "example.com", port: "8000" }],
      ["[::1]:80", { hostname: "::1", port: "80" }],
      ["x/static/a.txt#", null],
      ["x/static/a.txt#", null],
      ["127.0.0.1", { hostname: "127.0.0.1", port: null }],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [value, expected] of cases) expect([value, parseHost(Buffer.from(value).toString())]).toEqual([value, expected]);
    }
  });
});
