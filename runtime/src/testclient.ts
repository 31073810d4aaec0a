import type { FastAPI } from "./app.ts";
import { Request } from "./request.ts";
import { WebSocketDisconnect } from "./websockets/exceptions.ts";
import { createWebSocketPair, type MemoryWebSocketClient, type WebSocketMessage } from "./websockets/transport.ts";

type Scalar = string | number | boolean | bigint;

interface Outgoing {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array | null;
}

/** A file to upload: content, or `[filename, content, contentType?]`. */
export type FileSpec = Blob | Uint8Array | string | [filename: string, content: Blob | Uint8Array | string, contentType?: string];

/** Options of one TestClient request (httpx's arguments). */
export interface TestRequestOptions {
  /** Query parameters (arrays repeat the key). */
  params?: Record<string, Scalar | Scalar[] | null | undefined> | URLSearchParams;
  headers?: Record<string, string>;
  /** Cookies for this request (merged over the client's). */
  cookies?: Record<string, string>;
  /** A JSON body (sets `content-type: application/json`). */
  json?: unknown;
  /** Form fields (urlencoded, or multipart together with `files`). */
  data?: Record<string, Scalar | Scalar[]>;
  /** Files (multipart). */
  files?: Record<string, FileSpec | FileSpec[]>;
  /** A raw body. */
  content?: string | Uint8Array;
  /** Override the client's `followRedirects`. */
  followRedirects?: boolean;
}

/** Options of {@link TestClient}. */
export interface TestClientOptions {
  /** Default `http://testserver`. */
  baseUrl?: string;
  /** Throw the app's unhandled errors into the test (default `true`), as FastAPI's TestClient does. */
  raiseServerExceptions?: boolean;
  /** Follow redirects (default `true`). */
  followRedirects?: boolean;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Initial cookies. */
  cookies?: Record<string, string>;
  /** The prefix the app is served under, as a proxy would pass it (ASGI's `root_path`). */
  rootPath?: string;
}

/** Options of {@link TestClient.websocketConnect}. */
export interface WebSocketConnectOptions {
  /** Handshake headers. */
  headers?: Record<string, string>;
  /** Subprotocols offered (`Sec-WebSocket-Protocol`). */
  subprotocols?: string[];
  /** Query parameters. */
  params?: Record<string, string | number | boolean>;
  /** Cookies (merged over the client's). */
  cookies?: Record<string, string>;
}

/**
 * A websocket session of the {@link TestClient} (Starlette's `WebSocketTestSession`). Errors of the endpoint are
 * thrown into the test by the next `receive*` or by `close()`.
 */
export class WebSocketTestSession {
  /** The subprotocol the app accepted with, or `null`. */
  readonly acceptedSubprotocol: string | null;
  /** Extra headers the app sent with the accept. */
  readonly extraHeaders: Headers;
  readonly #client: MemoryWebSocketClient;
  readonly #done: Promise<void>;
  readonly #failure: () => { error: unknown } | undefined;

  /** @internal */
  constructor(client: MemoryWebSocketClient, handshake: { subprotocol: string | null; headers: Headers }, done: Promise<void>, failure: () => { error: unknown } | undefined) {
    this.#client = client;
    this.acceptedSubprotocol = handshake.subprotocol;
    this.extraHeaders = handshake.headers;
    this.#done = done;
    this.#failure = failure;
  }

  /** Sends a text message. */
  sendText(data: string): void { this.#client.send(data); }
  /** Sends a binary message. */
  sendBytes(data: Uint8Array): void { this.#client.send(data); }
  /** Sends JSON as text (default) or bytes. */
  sendJson(data: unknown, options: { mode?: "text" | "binary" } = {}): void {
    const text = JSON.stringify(data);
    this.#client.send(options.mode === "binary" ? new TextEncoder().encode(text) : text);
  }
  /** Sends text or bytes. */
  send(data: WebSocketMessage): void { this.#client.send(data); }

  /** The next message; throws {@link WebSocketDisconnect} when the app closed the connection. */
  async receive(): Promise<WebSocketMessage> {
    const ev = await this.#client.receive();
    const failed = ev.type === "close" ? this.#failure() : undefined;
    if (failed) throw failed.error;
    if (ev.type === "close") throw new WebSocketDisconnect(ev.code, ev.reason);
    return ev.data;
  }
  /** The next message as text. */
  async receiveText(): Promise<string> {
    const m = await this.receive();
    return typeof m === "string" ? m : new TextDecoder().decode(m);
  }
  /** The next message as bytes. */
  async receiveBytes(): Promise<Uint8Array> {
    const m = await this.receive();
    return typeof m === "string" ? new TextEncoder().encode(m) : m;
  }
  /** The next message parsed as JSON. */
  async receiveJson<T = unknown>(): Promise<T> {
    return JSON.parse(await this.receiveText()) as T;
  }

  /** Closes from the client side and waits for the endpoint to finish (rethrowing its error, if any). */
  async close(code = 1000, reason = ""): Promise<void> {
    this.#client.close(code, reason);
    await this.#done;
    const failed = this.#failure();
    if (failed) throw failed.error;
  }

  /** `await using ws = await client.websocketConnect(...)` closes it at the end of the block. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.#client.closed) await this.close();
    else await this.#done;
  }
}

/** A fully read response of the {@link TestClient}. */
export class TestResponse {
  /** Status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The body bytes. */
  readonly content: Uint8Array;
  /** The final URL (after redirects). */
  readonly url: string;
  /** Responses of the redirects followed to get here. */
  readonly history: TestResponse[];
  constructor(status: number, headers: Headers, content: Uint8Array, url: string, history: TestResponse[] = []) {
    this.status = status;
    this.headers = headers;
    this.content = content;
    this.url = url;
    this.history = history;
  }
  /** Alias of {@link TestResponse.status}. */
  get statusCode(): number {
    return this.status;
  }
  /** `true` for 2xx. */
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  /** The body as UTF-8 text. */
  get text(): string {
    return new TextDecoder().decode(this.content);
  }
  /** The body parsed as JSON. */
  json<T = unknown>(): T {
    return JSON.parse(this.text) as T;
  }
  /** Cookies set by this response. */
  get cookies(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    }
    return out;
  }
}

function toBlob(content: Blob | Uint8Array | string, type?: string): Blob {
  if (content instanceof Blob) return type ? new Blob([content], { type }) : content;
  return new Blob([content as BlobPart], type ? { type } : {});
}

/**
 * Calls an app in memory, like FastAPI's `TestClient`: no server, no sockets.
 *
 * @example
 * ```ts
 * const client = new TestClient(app);
 * const res = await client.get("/items/5", { params: { q: "x" } });
 * expect(res.status).toBe(200);
 * expect(res.json()).toEqual({ item_id: 5, q: "x" });
 * ```
 */
export class TestClient {
  /** The app under test. */
  readonly app: FastAPI;
  /** Base of relative paths (`http://testserver`). */
  readonly baseUrl: string;
  /** Whether unhandled app errors are thrown into the test. */
  readonly raiseServerExceptions: boolean;
  /** Whether redirects are followed. */
  readonly followRedirects: boolean;
  /** Default headers (`user-agent: testclient` unless given); edit or delete entries to change what is sent. */
  readonly headers: Record<string, string>;
  /** The client's cookie jar (updated by `Set-Cookie`). */
  readonly cookies: Record<string, string>;
  /** The root path passed with each request. */
  readonly rootPath: string;

  constructor(app: FastAPI, options: TestClientOptions = {}) {
    this.app = app;
    this.baseUrl = options.baseUrl ?? "http://testserver";
    this.raiseServerExceptions = options.raiseServerExceptions !== false;
    this.followRedirects = options.followRedirects !== false;
    // Like FastAPI's TestClient, it identifies itself as `testclient` (`delete client.headers["user-agent"]` to stop).
    const named = Object.keys(options.headers ?? {}).some((k) => k.toLowerCase() === "user-agent");
    this.headers = named ? { ...options.headers } : { "user-agent": "testclient", ...options.headers };
    this.cookies = { ...options.cookies };
    this.rootPath = options.rootPath ?? "";
  }

  /**
   * Runs the app's lifespan up to its `yield` (startup). `await using client = new TestClient(app)` does not
   * start it by itself: call `await client.start()`, or use {@link TestClient.with}.
   */
  async start(): Promise<this> {
    await this.app.startup();
    return this;
  }

  /** Runs the app's lifespan after its `yield` (shutdown). */
  async stop(): Promise<void> {
    await this.app.shutdown();
  }

  /** Ends the lifespan when an `await using` block ends. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /**
   * A started client (lifespan run), to be disposed with `await using`: the twin of `with TestClient(app) as client`.
   *
   * @example
   * ```ts
   * await using client = await TestClient.with(app);
   * ```
   */
  static async with(app: FastAPI, options: TestClientOptions = {}): Promise<TestClient> {
    return new TestClient(app, options).start();
  }

  /**
   * Opens a websocket to the app in memory; resolves once the app accepts. Rejects with a
   * {@link WebSocketDisconnect} (its close code) when the app closes before accepting, e.g. 1008 when the declared
   * parameters do not validate.
   */
  async websocketConnect(path: string, options: WebSocketConnectOptions = {}): Promise<WebSocketTestSession> {
    const url = new URL(path, this.baseUrl.replace(/^http/, "ws"));
    for (const [k, v] of Object.entries(options.params ?? {})) url.searchParams.append(k, String(v));
    const headers = new Headers(this.headers);
    for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
    if (!headers.has("host")) headers.set("host", url.host);
    headers.set("connection", "upgrade");
    headers.set("upgrade", "websocket");
    headers.set("sec-websocket-version", "13");
    if (options.subprotocols?.length) headers.set("sec-websocket-protocol", options.subprotocols.join(", "));
    const jar = { ...this.cookies, ...options.cookies };
    const pairs = Object.entries(jar).map(([k, v]) => `${k}=${v}`);
    if (pairs.length && !headers.has("cookie")) headers.set("cookie", pairs.join("; "));
    const request = new Request({ method: "GET", url: url.href, headers, body: null, client: { host: "testclient", port: 50000 }, rootPath: this.rootPath });
    const { server, client } = createWebSocketPair(options.subprotocols ?? []);
    let failure: { error: unknown } | undefined;
    const done = this.app.handleWebSocket(request, server, { onServerError: (error) => { failure = { error }; } })
      .catch((error: unknown) => { failure = { error }; });
    let handshake;
    try {
      handshake = await Promise.race([client.opened, done.then(() => client.opened)]);
    } catch (e) {
      await done;
      if (failure && this.raiseServerExceptions) throw failure.error;
      throw e;
    }
    return new WebSocketTestSession(client, handshake, done, () => (this.raiseServerExceptions ? failure : undefined));
  }

  /** GET */
  get(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("GET", path, options); }
  /** POST */
  post(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("POST", path, options); }
  /** PUT */
  put(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("PUT", path, options); }
  /** PATCH */
  patch(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("PATCH", path, options); }
  /** DELETE */
  delete(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("DELETE", path, options); }
  /** HEAD */
  head(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("HEAD", path, options); }
  /** OPTIONS */
  options(path: string, options?: TestRequestOptions): Promise<TestResponse> { return this.request("OPTIONS", path, options); }

  /** Sends a request with any method. */
  async request(method: string, path: string, options: TestRequestOptions = {}): Promise<TestResponse> {
    const url = new URL(path, this.baseUrl);
    if (options.params) {
      const entries = options.params instanceof URLSearchParams ? [...options.params] : Object.entries(options.params);
      for (const [k, v] of entries) {
        if (v === null || v === undefined) continue;
        for (const x of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(x));
      }
    }
    const headers = new Headers(this.headers);
    for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    } else if (options.files) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(options.data ?? {})) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
      for (const [k, spec] of Object.entries(options.files)) {
        const list = Array.isArray(spec) && (spec.length === 0 || Array.isArray(spec[0]) || spec[0] instanceof Blob || spec[0] instanceof Uint8Array) ? (spec as FileSpec[]) : [spec as FileSpec];
        for (const f of list) {
          if (Array.isArray(f)) fd.append(k, toBlob(f[1], f[2]), f[0]);
          else fd.append(k, toBlob(f), "upload");
        }
      }
      body = fd;
    } else if (options.data) {
      const sp = new URLSearchParams();
      for (const [k, v] of Object.entries(options.data)) for (const x of Array.isArray(v) ? v : [v]) sp.append(k, String(x));
      body = sp;
    } else if (options.content !== undefined) {
      body = options.content as BodyInit;
    }
    let bytes: Uint8Array | null = null;
    if (body !== undefined) {
      const packed = new globalThis.Response(body);
      // As httpx: raw `content` is sent without a content type of its own (a string would otherwise go out as
      // text/plain); forms and files name theirs.
      const type = options.content === undefined ? packed.headers.get("content-type") : null;
      if (type && !headers.has("content-type")) headers.set("content-type", type);
      bytes = new Uint8Array(await packed.arrayBuffer());
      headers.set("content-length", String(bytes.byteLength));
    }
    const history: TestResponse[] = [];
    let current: Outgoing = { method, url: url.href, headers, body: bytes };
    for (let hop = 0; ; hop++) {
      const res = await this.#send(current, options.cookies, history);
      const follow = options.followRedirects ?? this.followRedirects;
      const location = res.headers.get("location");
      if (!follow || !location || ![301, 302, 303, 307, 308].includes(res.status) || hop >= 20) return res;
      history.push(res);
      const keep = res.status === 307 || res.status === 308;
      const next = new Headers(current.headers);
      if (!keep) {
        next.delete("content-type");
        next.delete("content-length");
      }
      current = {
        method: keep ? current.method : current.method === "HEAD" ? "HEAD" : "GET",
        url: new URL(location, current.url).href,
        headers: next,
        body: keep ? current.body : null,
      };
    }
  }

  async #send(web: Outgoing, cookies: Record<string, string> | undefined, history: TestResponse[]): Promise<TestResponse> {
    const jar = { ...this.cookies, ...cookies };
    const pairs = Object.entries(jar).map(([k, v]) => `${k}=${v}`);
    const headers = new Headers(web.headers);
    if (!headers.has("host")) headers.set("host", new URL(web.url).host);
    if (pairs.length && !headers.has("cookie")) headers.set("cookie", pairs.join("; "));
    let failure: { error: unknown } | undefined;
    const chunk = web.body;
    const request = new Request({
      method: web.method, url: web.url, headers, client: { host: "testclient", port: 50000 }, rootPath: this.rootPath,
      body: chunk === null || chunk.byteLength === 0 ? null : (async function* () { yield chunk; })(),
    });
    const response = await this.app.dispatch(request, { onServerError: (error) => { failure = { error }; } });
    if (failure && this.raiseServerExceptions) throw failure.error;
    const background = response.background;
    response.background = null;
    const webResponse = response.toWeb(web.method === "HEAD");
    const content = new Uint8Array(await webResponse.arrayBuffer());
    // As FastAPI's TestClient: background tasks have run when the call returns.
    if (background) await background.run((error) => { if (!failure) failure = { error }; });
    if (failure && this.raiseServerExceptions) throw failure.error;
    const out = new TestResponse(webResponse.status, webResponse.headers, content, web.url, [...history]);
    for (const [k, v] of Object.entries(out.cookies)) {
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(webResponse.headers.getSetCookie().find((c) => c.startsWith(`${k}=`)) ?? "")) delete this.cookies[k];
      else this.cookies[k] = v;
    }
    return out;
  }
}
