/**
 * The requests the package check sends the smoke app (smoke/main.ts) on every runtime, and the answers it must
 * give. Every runtime must answer every check exactly so; the only differences allowed are the ones a host cannot
 * do, declared here with the clear answer it gives instead.
 */
import { request as httpRequest } from "node:http";

/** What a server is: a host with a file system and websockets (Node), or a fetch handler only. */
export interface Host {
  /** The host serves websockets and the docs assets (the Node adapter). */
  websockets: boolean;
  /**
   * The host has the project's files (not Workers: workerd's `node:fs` is a virtual file system, without them; a
   * FileResponse there fails with "File at path … does not exist.", logged, and a 500).
   */
  files: boolean;
}

/** One answer, as compared between runtimes. */
export interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

export interface Check {
  name: string;
  /** Sends the request(s) and returns the answer. */
  run(base: string): Promise<Answer>;
  /** The answer this host must give, and optionally a line its server output must contain. */
  expect(host: Host): { status: number; json?: unknown; text?: string; contains?: string; lacks?: string; log?: string };
}

async function http(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, contentType: res.headers.get("content-type"), body: await res.text() };
}

const json = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** A WebSocket handshake: `101 echo: hi` where websockets are served, else the server's HTTP answer. */
function webSocketEcho(base: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL("/ws", base);
    const req = httpRequest(url, {
      headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==" },
      timeout: 15_000,
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      // The handshake succeeded: talk to it with a real client.
      const ws = new WebSocket(url.href.replace(/^http/, "ws"));
      const timer = setTimeout(() => reject(new Error("websocket: no echo within 15 s")), 15_000);
      ws.onopen = () => ws.send("hi");
      ws.onmessage = (event) => {
        clearTimeout(timer);
        ws.close();
        resolve({ status: 101, contentType: null, body: String(event.data) });
      };
      ws.onerror = () => reject(new Error("websocket: error"));
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"] ?? null, body }));
    });
    req.on("timeout", () => req.destroy(new Error("websocket handshake: timed out")));
    req.on("error", reject);
    req.end();
  });
}

const loc = (...l: (string | number)[]) => l;

/** The checks, in order. */
export const CHECKS: Check[] = [
  {
    name: "GET /items/5?q=hello (path + query)",
    run: (b) => http(b, "/items/5?q=hello"),
    expect: () => ({ status: 200, json: { item_id: 5, q: "hello", limit: 10 } }),
  },
  {
    name: "GET /items/0?limit=500 (422)",
    run: (b) => http(b, "/items/0?limit=500"),
    expect: () => ({
      status: 422,
      json: {
        detail: [
          { type: "greater_than_equal", loc: loc("path", "item_id"), msg: "Input should be greater than or equal to 1", input: "0", ctx: { ge: 1 } },
          { type: "less_than_equal", loc: loc("query", "limit"), msg: "Input should be less than or equal to 100", input: "500", ctx: { le: 100 } },
        ],
      },
    }),
  },
  {
    name: "POST /items/ (body → response model)",
    run: (b) => http(b, "/items/", json({ name: "Widget", price: 10, tax: 2.5 })),
    expect: () => ({ status: 201, json: { name: "Widget", price_with_tax: 12.5 } }),
  },
  {
    name: "POST /items/ invalid body (422)",
    run: (b) => http(b, "/items/", json({ name: "", price: -1 })),
    expect: () => ({
      status: 422,
      json: {
        detail: [
          { type: "string_too_short", loc: loc("body", "name"), msg: "String should have at least 1 character", input: "", ctx: { min_length: 1 } },
          { type: "greater_than", loc: loc("body", "price"), msg: "Input should be greater than 0", input: -1, ctx: { gt: 0 } },
        ],
      },
    }),
  },
  {
    name: "GET /users/me (dependency chain)",
    run: (b) => http(b, "/users/me", { headers: { authorization: "Bearer secret-token" } }),
    expect: () => ({ status: 200, json: { username: "alice", full_name: "Alice Liddell" } }),
  },
  {
    name: "GET /users/me bad token (401)",
    run: (b) => http(b, "/users/me", { headers: { authorization: "Bearer nope" } }),
    expect: () => ({ status: 401, json: { detail: "Invalid token" } }),
  },
  {
    name: "GET /openapi.json",
    run: (b) => http(b, "/openapi.json"),
    expect: () => ({ status: 200, contains: '"/items/{item_id}":{"get":{"summary":"Read Item","operationId":"read_item_items__item_id__get"' }),
  },
  {
    name: "GET /docs",
    run: (b) => http(b, "/docs"),
    expect: () => ({ status: 200, contains: "/_fastapi-ts/assets/swagger-ui-bundle.js" }),
  },
  {
    name: "GET /_fastapi-ts/assets/redoc.standalone.js (the package's offline ReDoc)",
    run: (b) => http(b, "/_fastapi-ts/assets/redoc.standalone.js"),
    expect: (host) => host.websockets
      ? { status: 200, contains: "data:image/svg+xml,%3Csvg", lacks: "cdn.redoc.ly" }
      : { status: 404, json: { detail: "Not Found" } },
  },
  {
    name: "GET /hello (a file)",
    run: (b) => http(b, "/hello"),
    expect: (host) => host.files
      ? { status: 200, text: "Hello from a file\n" }
      : { status: 500, text: "Internal Server Error", log: "Error: File at path hello.txt does not exist." },
  },
  {
    name: "websocket /ws",
    run: (b) => webSocketEcho(b),
    expect: (host) => host.websockets
      ? { status: 101, text: "echo: hi" }
      : { status: 501, json: { detail: "WebSocket endpoints are served by fastapi-ts/node (serve(app) or the fastapi-ts CLI); app.fetch answers HTTP requests only" } },
  },
];

/** Why an answer does not meet its expectation, or `null`. */
export function mismatch(answer: Answer, want: ReturnType<Check["expect"]>): string | null {
  if (answer.status !== want.status) return `status ${answer.status}, want ${want.status}: ${answer.body.slice(0, 300)}`;
  if (want.json !== undefined) {
    let got: unknown;
    try {
      got = JSON.parse(answer.body);
    } catch {
      return `not JSON: ${answer.body.slice(0, 300)}`;
    }
    if (JSON.stringify(got) !== JSON.stringify(want.json)) return `body ${answer.body.slice(0, 500)}, want ${JSON.stringify(want.json)}`;
  }
  if (want.text !== undefined && answer.body !== want.text) return `body ${JSON.stringify(answer.body.slice(0, 300))}, want ${JSON.stringify(want.text)}`;
  if (want.contains !== undefined && !answer.body.includes(want.contains)) return `body lacks ${JSON.stringify(want.contains)}: ${answer.body.slice(0, 300)}`;
  if (want.lacks !== undefined && answer.body.includes(want.lacks)) return `body has ${JSON.stringify(want.lacks)}`;
  return null;
}
