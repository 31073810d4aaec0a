// The Node adapter's fast path (headers read from Node's raw lines, bodies read from the stream's events, the
// compiled request path) against app.fetch, the Web-standard path every other runtime takes: the same requests get
// the same status, headers and bytes on both.
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Cookie, Depends, FastAPI, Form, Header, HTTPException, JSONResponse, Query, Response, UploadFile, dependency } from "../src/index.ts";
import type { Request as AppRequest } from "../src/index.ts";
import { withServer } from "./helpers.ts";

const Item = z.object({ name: z.string().min(1), price: z.number().positive(), tags: z.array(z.string()).default([]) });
const ItemOut = z.object({ name: z.string(), price: z.number(), tags: z.array(z.string()) });

function buildApp(options: ConstructorParameters<typeof FastAPI>[0] = {}): FastAPI {
  const app = new FastAPI(options);
  app.get("/headers", {
    params: {
      x_token: Header(z.string()), x_tag: Header(z.array(z.string()).default([])), user_agent: Header(z.string().optional()),
      x_missing: Header(z.string().nullable().default(null)),
    },
  }, ({ x_token, x_tag, user_agent, x_missing }) => ({ x_token, x_tag, user_agent, x_missing }));
  app.get("/cookies", { params: { session: Cookie(z.string()), theme: Cookie(z.string().default("light")) } }, ({ session, theme }) => ({ session, theme }));
  app.get("/search", {
    params: { q: Query(z.string().max(5)), page: z.int().min(1).default(1), tags: Query(z.array(z.string()).default([])) },
  }, ({ q, page, tags }) => ({ q, page, tags }));
  app.post("/items/", { params: { item: Item }, responseModel: ItemOut, statusCode: 201 }, async ({ item }) => ({ ...item, secret: "x" }));
  app.post("/bad-output/", { params: { item: Item }, responseModel: ItemOut }, ({ item }) => ({ name: item.name }));
  // An async handler's value goes from the route to the adapter in one continuation: its failures on the way out too.
  app.post("/bad-output-later/", { params: { item: Item }, responseModel: ItemOut }, async ({ item }) => ({ name: item.name }));
  const Checked = ItemOut.refine(async (v) => v.price < 100, { message: "too dear" });
  app.post("/checked-later/", { params: { item: Item }, responseModel: Checked }, async ({ item }) => item);
  app.post("/form/", { params: { name: Form(z.string()), n: Form(z.int()) } }, ({ name, n }) => ({ name, n }));
  app.post("/upload/", { params: { file: UploadFile, note: Form(z.string().optional()) } }, async ({ file, note }) => ({
    filename: file.filename, size: (await file.read()).byteLength, note,
  }));
  const token = dependency({ params: { authorization: Header(z.string()) } }, function token({ authorization }) {
    if (!authorization.startsWith("Bearer ")) throw new HTTPException(401, { detail: "Not authenticated", headers: { "www-authenticate": "Bearer" } });
    return authorization.slice(7);
  });
  const user = dependency({ params: { token: Depends(token), response: Response } }, async function* user({ token, response }) {
    response.setCookie("seen", token);
    yield { name: token };
  });
  app.get("/me", { params: { user: Depends(user) } }, ({ user }) => user);
  app.get("/status", { params: { response: Response } }, ({ response }) => {
    response.status = 202;
    response.headers.set("x-extra", "1");
    return { ok: true };
  });
  app.get("/items/", () => ["slash"]);
  // Errors on the way out, through the exception handlers (sync and async) and the server-error layer.
  class Teapot extends Error {}
  class Kettle extends Error {}
  app.exceptionHandler(Teapot, () => new JSONResponse({ teapot: true }, { status: 418 }));
  app.exceptionHandler(Kettle, async () => {
    await new Promise((r) => setTimeout(r, 1));
    return new JSONResponse({ kettle: true }, { status: 409 });
  });
  app.exceptionHandler(RangeError, () => {
    throw new Error("the handler fails too");
  });
  app.get("/raise/{kind}", { params: { kind: z.string() } }, async ({ kind }) => {
    await Promise.resolve();
    if (kind === "http") throw new HTTPException(403, { detail: "no", headers: { "x-why": "because" } });
    if (kind === "teapot") throw new Teapot();
    if (kind === "kettle") throw new Kettle();
    if (kind === "range") throw new RangeError("out");
    throw new Error("boom");
  });
  app.get("/raise-now/{kind}", { params: { kind: z.string() } }, ({ kind }) => {
    if (kind === "teapot") throw new Teapot();
    if (kind === "kettle") throw new Kettle();
    throw new HTTPException(404, { detail: "gone" });
  });
  return app;
}

interface Case {
  name: string;
  method?: string;
  path: string;
  /** Header lines in order (name, value, name, value…), repeated names kept. */
  headers?: string[];
  /** The body, sent in these chunks (with a pause between them on Node). */
  chunks?: (string | Uint8Array)[];
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The headers both paths must agree on (`date`, `connection`, `keep-alive` and `content-length` are Node's own). */
function comparable(entries: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries) if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(k)) out[k] = v;
  return out;
}

async function viaFetch(app: FastAPI, c: Case, base: string): Promise<Answer> {
  const headers = new Headers();
  const lines = c.headers ?? [];
  for (let i = 0; i < lines.length; i += 2) headers.append(lines[i]!, lines[i + 1]!);
  const body = c.chunks ? Buffer.concat(c.chunks.map((x) => Buffer.from(x))) : undefined;
  const r = await app.fetch(new Request(`${base}${c.path}`, { method: c.method ?? "GET", headers, body }));
  const setCookies = r.headers.getSetCookie();
  const h = comparable([...r.headers].filter(([k]) => k !== "set-cookie"));
  if (setCookies.length) h["set-cookie"] = setCookies.join(" | ");
  return { status: r.status, headers: h, body: c.method === "HEAD" ? "" : await r.text() };
}

function viaNode(base: string, c: Case): Promise<Answer & { length: string | undefined }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: c.method ?? "GET", path: c.path, headers: ["host", url.host, ...(c.headers ?? [])] }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        const h: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const k = res.rawHeaders[i]!.toLowerCase();
          const v = res.rawHeaders[i + 1]!;
          h[k] = h[k] === undefined ? v : k === "set-cookie" ? `${h[k]} | ${v}` : `${h[k]}, ${v}`;
        }
        resolve({ status: res.statusCode!, headers: comparable(Object.entries(h)), body: Buffer.concat(parts).toString(), length: h["content-length"] });
      });
    });
    req.on("error", reject);
    const chunks = c.chunks ?? [];
    void (async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, 5)); // the rest arrives after the app started reading
        req.write(chunk);
      }
      req.end();
    })();
  });
}

const json = ["content-type", "application/json"];
const item = JSON.stringify({ name: "Widget", price: 2.5, tags: ["a"] });
const boundary = "----parity";
const multipart = [
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello world\r\n`,
  `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${boundary}--\r\n`,
];

const cases: Case[] = [
  { name: "header parameters, a repeated one, mixed case", path: "/headers", headers: ["X-Token", "T1", "X-Tag", "a", "x-tag", "b", "User-Agent", "parity"] },
  { name: "a missing required header", path: "/headers", headers: ["x-tag", "a"] },
  { name: "cookies", path: "/cookies", headers: ["Cookie", 'session=abc; theme="dark mode"'] },
  { name: "two cookie headers", path: "/cookies", headers: ["cookie", "session=abc", "cookie", "theme=dark"] },
  { name: "a missing cookie", path: "/cookies", headers: ["cookie", "theme=dark"] },
  { name: "query parameters", path: "/search?q=ab&page=2&tags=x&tags=y" },
  { name: "query errors", path: "/search?q=toolong&page=0" },
  { name: "a JSON body in one piece", method: "POST", path: "/items/", headers: json, chunks: [item] },
  { name: "a JSON body in pieces, arriving late", method: "POST", path: "/items/", headers: json, chunks: [item.slice(0, 9), item.slice(9, 20), item.slice(20)] },
  { name: "a chunked JSON body", method: "POST", path: "/items/", headers: [...json, "transfer-encoding", "chunked"], chunks: [item.slice(0, 15), item.slice(15)] },
  { name: "an invalid body", method: "POST", path: "/items/", headers: json, chunks: [JSON.stringify({ name: "", price: -1 })] },
  { name: "malformed JSON", method: "POST", path: "/items/", headers: json, chunks: ['{"name": "x",'] },
  { name: "a body without a content type", method: "POST", path: "/items/", chunks: [item] },
  { name: "no body", method: "POST", path: "/items/", headers: json },
  { name: "an output the response model rejects", method: "POST", path: "/bad-output/", headers: json, chunks: [item] },
  { name: "an async handler's output the response model rejects", method: "POST", path: "/bad-output-later/", headers: json, chunks: [item] },
  { name: "an async handler's output through an async response model", method: "POST", path: "/checked-later/", headers: json, chunks: [item] },
  { name: "an async handler's output an async response model rejects", method: "POST", path: "/checked-later/", headers: json, chunks: [JSON.stringify({ name: "Gold", price: 500 })] },
  { name: "a urlencoded form", method: "POST", path: "/form/", headers: ["content-type", "application/x-www-form-urlencoded"], chunks: ["name=Ann&n=", "3"] },
  { name: "a multipart upload", method: "POST", path: "/upload/", headers: ["content-type", `multipart/form-data; boundary=${boundary}`], chunks: multipart },
  { name: "a generator dependency setting a cookie", path: "/me", headers: ["authorization", "Bearer alice"] },
  { name: "a dependency raising with headers", path: "/me", headers: ["authorization", "Basic x"] },
  { name: "the temporal response's status and headers", path: "/status" },
  { name: "HEAD", method: "HEAD", path: "/status" },
  { name: "a redirect to the slash", path: "/items" },
  { name: "a method not allowed", method: "DELETE", path: "/status" },
  { name: "not found", path: "/nowhere" },
  { name: "an async handler raising HTTPException with headers", path: "/raise/http" },
  { name: "an async handler's error answered by a sync exception handler", path: "/raise/teapot" },
  { name: "an async handler's error answered by an async exception handler", path: "/raise/kettle" },
  { name: "an exception handler that fails: a 500", path: "/raise/range" },
  { name: "an async handler's unhandled error: a 500", path: "/raise/other" },
  { name: "a sync handler's error answered by a sync exception handler", path: "/raise-now/teapot" },
  { name: "a sync handler's error answered by an async exception handler", path: "/raise-now/kettle" },
  { name: "a sync handler raising HTTPException", path: "/raise-now/http" },
];

describe("the Node adapter answers as app.fetch does", () => {
  const app = buildApp();
  for (const c of cases) {
    it(c.name, async () => {
      await withServer(app, async (base) => {
        const expected = await viaFetch(app, c, base);
        const { length, ...node } = await viaNode(base, c);
        expect(node).toEqual(expected);
        if (c.method !== "HEAD" && expected.status !== 204 && expected.status !== 304) expect(length).toBe(String(Buffer.byteLength(expected.body)));
      });
    });
  }

  it("answers each raised error with its handler's status on the Node path", async () => {
    const expected: Record<string, number> = {
      "/raise/http": 403, "/raise/teapot": 418, "/raise/kettle": 409, "/raise/range": 500, "/raise/other": 500,
      "/raise-now/teapot": 418, "/raise-now/kettle": 409, "/raise-now/http": 404,
    };
    await withServer(app, async (base) => {
      for (const [path, status] of Object.entries(expected)) expect([path, (await viaNode(base, { name: "", path })).status]).toEqual([path, status]);
    });
  });

  it("sends no content-length with a 204 or 304 whose response was given a body, as Starlette", async () => {
    const bodies = new FastAPI();
    bodies.get("/nothing", { statusCode: 204 }, () => ({ ignored: true }));
    bodies.get("/not-modified", () => new Response("stale", { status: 304 }));
    bodies.get("/empty", () => new Response(""));
    await withServer(bodies, async (base) => {
      for (const path of ["/nothing", "/not-modified"]) {
        const answer = await viaNode(base, { name: "", path });
        expect(answer.length).toBeUndefined();
        expect(answer.body).toBe("");
      }
      expect((await viaNode(base, { name: "", path: "/empty" })).length).toBe("0");
    });
  });

  it("reads a scalar header sent on two lines as its first line, as FastAPI does; app.fetch has only the joined value", async () => {
    const c: Case = { name: "", path: "/headers", headers: ["x-token", "one", "X-TOKEN", "two"] };
    await withServer(app, async (base) => {
      expect(JSON.parse((await viaNode(base, c)).body)).toMatchObject({ x_token: "one" });
      expect(JSON.parse((await viaFetch(app, c, base)).body)).toMatchObject({ x_token: "one, two" });
    });
  });

  it("reads the headers a middleware changed, not the received ones", async () => {
    const changed = buildApp();
    changed.middleware("http", async (request: AppRequest, callNext) => {
      request.headers.set("x-token", "from-middleware");
      request.headers.delete("x-tag");
      return callNext(request);
    });
    const c: Case = { name: "", path: "/headers", headers: ["X-Token", "sent", "x-tag", "a"] };
    await withServer(changed, async (base) => {
      const expected = await viaFetch(changed, c, base);
      expect(JSON.parse(expected.body)).toMatchObject({ x_token: "from-middleware", x_tag: [] });
      const { length: _, ...node } = await viaNode(base, c);
      expect(node).toEqual(expected);
    });
  });

  it("answers 413 to a body over the limit, in one piece or chunked, and keeps serving", async () => {
    const small = buildApp({ maxBodySize: 10 });
    const big: Case = { name: "", method: "POST", path: "/items/", headers: json, chunks: [item] };
    const chunked: Case = { ...big, headers: [...json, "transfer-encoding", "chunked"], chunks: ["{ ", '"name"', ': "x", ', '"price": 1 }'] };
    for (const c of [big, chunked]) {
      await withServer(small, async (base) => {
        const expected = await viaFetch(small, c, base);
        expect(expected.status).toBe(413);
        const { length: _, ...node } = await viaNode(base, c);
        expect(node).toEqual(expected);
        expect((await viaNode(base, { name: "", path: "/search?q=a" })).status).toBe(200);
      });
    }
  });
});
