import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { FastAPI, Jinja2Templates, MemoryFileSystem, Request, StaticFiles, TestClient } from "../src/index.ts";
import { withServer } from "./helpers.ts";

function tree(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), "fastapi-ts-static-"));
  const dir = join(root, "static");
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(dir, "example.txt"), "<file content>");
  writeFileSync(join(dir, "index.html"), "<h1>Hello</h1>");
  writeFileSync(join(dir, "404.html"), "<h1>Custom not found</h1>");
  writeFileSync(join(dir, "sub", "index.html"), "<h1>Sub</h1>");
  writeFileSync(join(root, "secret.txt"), "top secret");
  mkdirSync(join(root, "static-other"));
  writeFileSync(join(root, "static-other", "x.txt"), "sibling with a common prefix");
  symlinkSync(join(root, "secret.txt"), join(dir, "link-out.txt"));
  symlinkSync(join(dir, "example.txt"), join(dir, "link-in.txt"));
  const old = new Date("2020-01-01T00:00:00Z");
  utimesSync(join(dir, "example.txt"), old, old);
  return { root, dir };
}

/** Sends a raw request line (no client-side normalisation of the path). */
function rawGet(base: string, path: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => s.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let out = "";
    s.on("data", (d) => (out += d.toString()));
    s.on("end", () => resolve(out));
    s.on("error", reject);
  });
}

describe("StaticFiles", () => {
  it("serves files with content type, length, ETag/Last-Modified, 304 and ranges", async () => {
    const { dir } = tree();
    const app = new FastAPI();
    app.mount("/static", new StaticFiles({ directory: dir }), { name: "static" });
    const client = new TestClient(app);
    const r = await client.get("/static/example.txt");
    expect([r.status, r.text, r.headers.get("content-type"), r.headers.get("content-length")]).toEqual([200, "<file content>", "text/plain; charset=utf-8", "14"]);
    expect(r.headers.get("last-modified")).toBe("Wed, 01 Jan 2020 00:00:00 GMT");
    const etag = r.headers.get("etag")!;
    expect((await client.get("/static/example.txt", { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await client.get("/static/example.txt", { headers: { "if-none-match": `W/${etag}` } })).status).toBe(304);
    expect((await client.get("/static/example.txt", { headers: { "if-modified-since": "Thu, 02 Jan 2020 00:00:00 GMT" } })).status).toBe(304);
    expect((await client.get("/static/example.txt", { headers: { "if-modified-since": "Tue, 31 Dec 2019 00:00:00 GMT" } })).status).toBe(200);
    const part = await client.get("/static/example.txt", { headers: { range: "bytes=1-4" } });
    expect([part.status, part.text, part.headers.get("content-range")]).toEqual([206, "file", "bytes 1-4/14"]);
    const suffix = await client.get("/static/example.txt", { headers: { range: "bytes=-3" } });
    expect(suffix.text).toBe("nt>");
    const multi = await client.get("/static/example.txt", { headers: { range: "bytes=0-0,2-3" } });
    expect(multi.status).toBe(206);
    expect(multi.headers.get("content-type")).toMatch(/^multipart\/byteranges; boundary=/);
    expect(multi.text).toContain("Content-Range: bytes 2-3/14\r\n\r\nil\r\n");
    expect(Number(multi.headers.get("content-length"))).toBe(multi.content.byteLength);
    const unsatisfiable = await client.get("/static/example.txt", { headers: { range: "bytes=100-200" } });
    // As Starlette 1.7: an empty text/plain answer.
    expect([unsatisfiable.status, unsatisfiable.headers.get("content-range"), unsatisfiable.headers.get("content-type"), unsatisfiable.text])
      .toEqual([416, "bytes */14", "text/plain; charset=utf-8", ""]);
    expect((await client.get("/static/example.txt", { headers: { range: "items=1-2" } })).status).toBe(400);
    expect((await client.head("/static/example.txt")).headers.get("content-length")).toBe("14");
    const post = await client.post("/static/example.txt");
    expect([post.status, post.json()]).toEqual([405, { detail: "Method Not Allowed" }]);
    expect((await client.get("/static/missing.txt")).json()).toEqual({ detail: "Not Found" });
    expect((await client.get("/static/sub")).status).toBe(404);
    expect(app.urlPathFor("static", { path: "/example.txt" })).toBe("/static/example.txt");
  });

  it("never serves outside its directory: .., encoded dots and slashes, backslashes, symlinks out, common prefixes", async () => {
    const { dir, root } = tree();
    const statics = new StaticFiles({ directory: dir });
    const call = (routePath: string) => {
      const req = new Request({ method: "GET", url: "http://t/", headers: new Headers(), body: null });
      req.routePath = routePath;
      return statics.dispatch(req).then((r) => r.status, (e: { statusCode?: number }) => e.statusCode);
    };
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub/..%2f..%2fsecret.txt", "/..%5csecret.txt",
      "/%2e%2e%2fstatic-other/x.txt", "/../static-other/x.txt", "/link-out.txt", "/%00example.txt", "/sub%2findex.html"]) {
      expect([p, await call(p)]).toEqual([p, 404]);
    }
    expect(await call("/link-in.txt")).toBe(200);
    expect(await call("/./example.txt")).toBe(200);
    expect(await new StaticFiles({ directory: dir, followSymlink: true }).dispatch(Object.assign(new Request({ method: "GET", url: "http://t/", headers: new Headers(), body: null }), { routePath: "/link-out.txt" })).then((r) => r.status)).toBe(200);
    expect(root).toBeTruthy();
    const app = new FastAPI();
    app.mount("/static", statics);
    await withServer(app, async (base) => {
      for (const p of ["/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/..%2fsecret.txt", "/static/..%2f..%2fsecret.txt", "/static/link-out.txt"]) {
        const res = await rawGet(base, p);
        expect(res).not.toContain("top secret");
        expect(res.split("\r\n")[0]).toMatch(/ 404 /);
      }
      expect(await rawGet(base, "/static/example.txt")).toContain("<file content>");
    });
  });

  it("html mode: index.html for directories, redirect to the slash, custom 404 page", async () => {
    const { dir } = tree();
    const app = new FastAPI();
    app.get("/api", async function api() { return { api: true }; });
    app.mount("/", new StaticFiles({ directory: dir, html: true }), { name: "site" });
    const client = new TestClient(app, { followRedirects: false });
    expect((await client.get("/api")).json()).toEqual({ api: true });
    expect((await client.get("/")).text).toBe("<h1>Hello</h1>");
    const redirect = await client.get("/sub");
    expect([redirect.status, redirect.headers.get("location")]).toEqual([307, "http://testserver/sub/"]);
    expect((await client.get("/sub/")).text).toBe("<h1>Sub</h1>");
    const nf = await client.get("/nope");
    expect([nf.status, nf.text]).toEqual([404, "<h1>Custom not found</h1>"]);
  });

  it("serves from an in-memory file system (the browser worker's)", async () => {
    const fs = new MemoryFileSystem({ "static/styles.css": "h1 { color: green }", "templates/item.html": "<link href=\"{{ url_for('static', path='/styles.css') }}\"><h1>{{ id }}</h1>" });
    const app = new FastAPI();
    app.mount("/static", new StaticFiles({ directory: "static", fs }), { name: "static" });
    const templates = new Jinja2Templates({ directory: "templates", fs });
    app.get("/items/{id}", { params: { request: Request, id: Request === Request ? (await import("zod")).z.string() : undefined! }, responseClass: (await import("../src/index.ts")).HTMLResponse },
      async function read_item({ request, id }) { return templates.TemplateResponse(request, "item.html", { id: `<${id}>` }); });
    const client = new TestClient(app);
    const css = await client.get("/static/styles.css");
    expect([css.text, css.headers.get("content-type")]).toEqual(["h1 { color: green }", "text/css; charset=utf-8"]);
    expect((await client.get("/static/../templates/item.html")).status).toBe(404);
    const page = await client.get("/items/5");
    expect(page.text).toBe('<link href="http://testserver/static/styles.css"><h1>&lt;5&gt;</h1>');
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });
});

describe("sub-applications and fetch apps", () => {
  it("mounts a fastapi-ts app with its own docs under the mount path", async () => {
    const app = new FastAPI();
    app.get("/app", async function read_main() { return { message: "Hello World from main app" }; });
    const subapi = new FastAPI();
    subapi.get("/sub", { params: { request: Request } }, async function read_sub({ request }) {
      return { message: "Hello World from sub API", root_path: request.rootPath, url: request.urlFor("read_sub") };
    });
    app.mount("/subapi", subapi, { name: "subapi" });
    const client = new TestClient(app);
    expect((await client.get("/subapi/sub")).json()).toEqual({ message: "Hello World from sub API", root_path: "/subapi", url: "http://testserver/subapi/sub" });
    const doc = (await client.get("/subapi/openapi.json")).json() as { servers: unknown; paths: Record<string, unknown> };
    expect(doc.servers).toEqual([{ url: "/subapi" }]);
    expect(Object.keys(doc.paths)).toEqual(["/sub"]);
    expect((await client.get("/subapi/docs")).text).toContain('url: "/subapi/openapi.json"');
    expect(Object.keys(((await client.get("/openapi.json")).json() as { paths: object }).paths)).toEqual(["/app"]);
    expect(app.urlPathFor("subapi:read_sub")).toBe("/subapi/sub");
    expect((await client.get("/subapi/nope")).status).toBe(404);
  });

  it("mounts a fetch-style app (Hono-like) with the mount path stripped, bodies and headers passed", async () => {
    const legacy = {
      async fetch(req: globalThis.Request): Promise<globalThis.Response> {
        const url = new URL(req.url);
        const body = req.method === "POST" ? await req.text() : "";
        return new globalThis.Response(`Hello from ${url.pathname}${url.search} ${body}`.trim(), { status: 201, headers: { "x-legacy": "1", "set-cookie": "a=1" } });
      },
    };
    const app = new FastAPI();
    app.mount("/v1", legacy);
    const client = new TestClient(app);
    const r = await client.get("/v1/hello?x=1");
    expect([r.status, r.text, r.headers.get("x-legacy")]).toEqual([201, "Hello from /hello?x=1", "1"]);
    expect((await client.post("/v1/p", { content: "data" })).text).toBe("Hello from /p data");
    await withServer(app, async (base) => {
      expect(await (await fetch(`${base}/v1/x`)).text()).toBe("Hello from /x");
    });
  });

  it("behind a proxy: rootPath from the app, the client (proxy) and the server, in servers and /docs", async () => {
    const app = new FastAPI({ rootPath: "/api/v1" });
    app.get("/app", { params: { request: Request } }, async function read_main({ request }) {
      return { message: "Hello World", root_path: request.rootPath };
    });
    const client = new TestClient(app);
    expect((await client.get("/app")).json()).toEqual({ message: "Hello World", root_path: "/api/v1" });
    expect((await client.get("/api/v1/app")).json()).toEqual({ message: "Hello World", root_path: "/api/v1" });
    expect(((await client.get("/openapi.json")).json() as { servers: unknown }).servers).toEqual([{ url: "/api/v1" }]);
    expect((await client.get("/docs")).text).toContain('url: "/api/v1/openapi.json"');
    const staged = new FastAPI({ servers: [{ url: "https://stag.example.com", description: "Staging environment" }] });
    const viaProxy = new TestClient(staged, { rootPath: "/api/v1" });
    expect(((await viaProxy.get("/openapi.json")).json() as { servers: unknown }).servers)
      .toEqual([{ url: "/api/v1" }, { url: "https://stag.example.com", description: "Staging environment" }]);
    const noServer = new FastAPI({ rootPathInServers: false });
    expect(((await new TestClient(noServer, { rootPath: "/x" }).get("/openapi.json")).json() as { servers?: unknown }).servers).toBeUndefined();
  });

  it("forwarded headers from a trusted proxy set the scheme and client", async () => {
    const app = new FastAPI();
    app.get("/whoami", { params: { request: Request } }, async function whoami({ request }) {
      return { scheme: request.url.protocol, client: request.client?.host, docs: request.urlFor("whoami") };
    });
    await withServer(app, async (base) => {
      const r = await fetch(`${base}/whoami`, { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7, 127.0.0.1" } });
      expect(await r.json()).toEqual({ scheme: "https:", client: "203.0.113.7", docs: `${base.replace("http:", "https:")}/whoami` });
    });
  });
});
