import { defaultFormLimits, type FormLimits } from "./forms/limits.ts";
import { readForm } from "./forms/read.ts";
import type { SpoolFile, Spooler } from "./forms/spool.ts";
import { concatBytes } from "./bytes.ts";
import { jsonText } from "./json-text.ts";

/** Client address of a request, when the server knows it. */
export interface Address {
  host: string;
  port: number;
}

/** What an adapter hands to the app to build a {@link Request}. */
export interface RequestInit {
  method: string;
  /** Absolute URL. */
  url: string;
  /**
   * @internal The request target as received (path and query), when `url` is an origin and this target: the path
   * and query are then read from it without scanning (and flattening) the whole URL.
   */
  target?: string;
  /**
   * The headers, or a function building them on first use (adapters pass one: most requests never read their
   * headers, and building a `Headers` costs more than routing them).
   */
  headers: Headers | (() => Headers);
  /**
   * The received header lines as Node gives them (`IncomingMessage.rawHeaders`: name, value, name, value…). With it,
   * {@link Request.header} answers without building the Web `Headers` (which `headers` builds on first use).
   */
  rawHeaders?: readonly string[];
  /** The body stream, or `null` when there is none. */
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | BodySource | null;
  client?: Address | null;
  /** The underlying Web request, when there is one. */
  raw?: globalThis.Request;
  /** The prefix the app is served under (ASGI's `root_path`), e.g. set by a proxy or a mount. */
  rootPath?: string;
  /** Where uploaded files larger than `spoolMaxSize` are written (the Node adapter: temporary files); default memory. */
  spooler?: Spooler;
}

/**
 * A body an adapter can also hand over whole (Node: a small body is often already received with its headers):
 * `readAll` gives every byte at once, checking `limit` as it reads, instead of a chunk per iteration step.
 */
export interface BodySource extends AsyncIterable<Uint8Array> {
  /** The whole body; rejects with {@link BodyTooLarge} past `limit` bytes. */
  readAll(limit: number): Promise<Uint8Array>;
  /**
   * The whole body, when the adapter already holds all of it (Node: a small body, read before the app is called),
   * so that parameters can be read from it without a promise.
   */
  readonly received?: Uint8Array | undefined;
}

/** What a request is routed by; the app that answers it (typed loosely to keep this module free of the app's). */
export interface RequestApp {
  /** The app's `state` (Starlette's `app.state`). */
  readonly state: Record<string, unknown>;
  /** The URL path of a named route (`urlPathFor("read_item", { id: 1 })`). */
  urlPathFor(name: string, params?: Record<string, string | number>): string;
}

/** Reads a request's private list of temporary files (set in the class's static block). */
let holdsFiles: (request: Request) => boolean;
let inHand: (request: Request) => Uint8Array | undefined;

/** Whether a raw header line's `key` names the header `wanted` (lower case). Perf: compares lengths first. */
/** Starlette's error for a body read again after `stream()` took it. */
function streamConsumed(): Error {
  return new Error("Stream consumed");
}

function isHeaderNamed(key: string, wanted: string): boolean {
  return key.length === wanted.length && (key === wanted || key.toLowerCase() === wanted);
}

/**
 * The incoming request (Starlette's `Request`). Declare `{ request: Request }` in `params` to receive it.
 * The body can be read once, by any of `body()`, `json()`, `text()`, `form()` (cached), or streamed with `stream()`.
 * `form()` and `stream()` take the body as it arrives; after them, `body()` is no longer available (Starlette's
 * "Stream consumed").
 */
export class Request {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request headers (case-insensitive). */
  get headers(): Headers {
    let h = this.#headers;
    if (typeof h === "function") this.#headers = h = h();
    return h;
  }
  #headers: Headers | (() => Headers);
  readonly #rawHeaders: readonly string[] | undefined;

  /**
   * One header's value, as `headers.get(name)` gives it (repeated headers joined by `, `), or `null`. Perf: read from
   * the adapter's raw header lines while the Web `Headers` has not been built (building it validates every header and
   * costs more than routing a request); once built (read or changed by anyone), from it.
   */
  header(name: string): string | null {
    const raw = this.#rawHeaders;
    if (raw === undefined || typeof this.#headers !== "function") return this.headers.get(name);
    const wanted = name.toLowerCase();
    // As the Web `Headers` combines repeated headers: `; ` between cookie headers, `, ` between others.
    const separator = wanted === "cookie" ? "; " : ", ";
    let value: string | null = null;
    for (let i = 0; i < raw.length; i += 2) {
      if (isHeaderNamed(raw[i]!, wanted)) {
        value = value === null ? raw[i + 1]! : value + separator + raw[i + 1]!;
      }
    }
    return value;
  }

  /**
   * Each received line of one header (Starlette's `headers.getlist(name)`): `["one", "two"]` for two `x-tag` lines,
   * `["gzip, deflate"]` for one line holding a comma. The Web `Headers` joins repeated lines, so the lines are told
   * apart only from an adapter's raw header lines, and only while they still add up to the header's value (no one
   * changed it since); otherwise the joined value is the one line. With `splitJoined` (a list parameter), every
   * line is also split at `, `: HTTP lets a client or proxy join repeated lines that way (RFC 9110, 5.3), and a
   * Web `Request` always has, so a list reads `x-token: a, b` as two values wherever it arrives.
   * @internal
   */
  headerLines(name: string, splitJoined = false): string[] {
    const raw = this.#rawHeaders;
    const wanted = name.toLowerCase();
    // Perf: while the Web `Headers` has not been built, no one changed them: the raw lines are the header, read once.
    if (raw !== undefined && typeof this.#headers === "function" && wanted !== "cookie") {
      const lines: string[] = [];
      for (let i = 0; i < raw.length; i += 2) if (isHeaderNamed(raw[i]!, wanted)) lines.push(raw[i + 1]!);
      return splitJoined ? lines.flatMap((line) => line.split(", ")) : lines;
    }
    const value = this.header(name);
    if (value === null) return [];
    if (wanted === "cookie") return [value];
    if (raw !== undefined) {
      const lines: string[] = [];
      for (let i = 0; i < raw.length; i += 2) if (isHeaderNamed(raw[i]!, wanted)) lines.push(raw[i + 1]!);
      if (lines.length === 1 ? lines[0] === value : lines.length > 1 && lines.join(", ") === value) {
        return splitJoined ? lines.flatMap((line) => line.split(", ")) : lines;
      }
    }
    return splitJoined ? value.split(", ") : [value];
  }

  /** Client address, or `null`. */
  readonly client: Address | null;
  /** Path parameters as matched (raw strings). */
  pathParams: Record<string, string> = {};
  /** Free per-request storage for middleware and dependencies (starts with a copy of the lifespan state). */
  readonly state: Record<string, unknown> = {};
  /** The prefix the app is served under (FastAPI's `request.scope["root_path"]`): proxy, config or mount. */
  rootPath: string;
  /** The app answering the request (set by the app's dispatch), or `null`. */
  app: RequestApp | null = null;
  /** @internal The path left to route (set by a mount); `undefined` means the URL path minus `rootPath`. */
  routePath: string | undefined;
  readonly #url: string;
  /** The path and query, when the adapter gave them apart (`RequestInit.target`). */
  readonly #target: string | undefined;
  #parsed: URL | undefined;
  #query: URLSearchParams | undefined;
  /** The query split by `queryAll` (null: not plain, read through `queryParams`). */
  #simpleQuery: Map<string, string[]> | null | undefined;
  #cookies: Record<string, string> | undefined;
  #source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | BodySource | null;
  /** The body once read, or being read (bytes: the adapter handed it over whole, see {@link bodyInHand}). */
  #body: Promise<Uint8Array> | Uint8Array | undefined;
  #form: Promise<FormData> | undefined;
  /** @internal Maximum body size in bytes. */
  maxBodySize = Infinity;
  /** @internal The form limits of the app answering the request. */
  formLimits: FormLimits = defaultFormLimits;
  #spooler: Spooler | undefined;
  #spooled: SpoolFile[];
  #formStreamed = false;
  /** `stream()` has begun taking the body from its source: it cannot be read again (Starlette's "Stream consumed"). */
  #streamed = false;
  /** @internal The underlying Web request. */
  readonly raw: globalThis.Request | undefined;

  /**
   * A request from an adapter's {@link RequestInit}, or a request of your own class standing for another one
   * (`new GzipRequest(request)` in a route class, as FastAPI's `GzipRequest(request.scope, request.receive)`): the
   * same method, URL, headers, path parameters, app and state; the unread body is handed over to the new request.
   */
  constructor(init: RequestInit | Request) {
    if (init instanceof Request) {
      this.method = init.method;
      this.#url = init.#url;
      this.#target = init.#target;
      this.#headers = init.#headers;
      this.#rawHeaders = init.#rawHeaders;
      this.client = init.client;
      this.raw = init.raw;
      this.rootPath = init.rootPath;
      this.routePath = init.routePath;
      this.pathParams = init.pathParams;
      this.app = init.app;
      this.state = init.state;
      this.maxBodySize = init.maxBodySize;
      this.formLimits = init.formLimits;
      this.#spooler = init.#spooler;
      this.#spooled = init.#spooled;
      this.#body = init.#body;
      this.#source = init.#source;
      init.#source = null;
      return;
    }
    this.method = init.method;
    this.#url = init.url;
    this.#target = init.target;
    this.#headers = init.headers;
    this.#rawHeaders = init.rawHeaders;
    this.client = init.client ?? null;
    this.#source = init.body;
    this.raw = init.raw;
    this.rootPath = init.rootPath ?? "";
    this.#spooler = init.spooler;
    this.#spooled = [];
  }

  /**
   * The absolute URL of a named route or mount (Starlette's `url_for`): `request.urlFor("static", { path: "/a.css" })`.
   * Includes the `rootPath`.
   */
  urlFor(name: string, params: Record<string, string | number> = {}): string {
    if (!this.app) throw new Error("urlFor needs the request to be dispatched by an app");
    const path = this.app.urlPathFor(name, params);
    const u = this.url;
    return `${u.protocol}//${u.host}${this.rootPath.replace(/\/$/, "")}${path}`;
  }

  /** Builds one from a Web `Request`. */
  static fromWeb(req: globalThis.Request, client: Address | null = null): Request {
    return new Request({ method: req.method, url: req.url, headers: req.headers, body: req.body, client, raw: req });
  }

  /** The full URL. */
  get url(): URL {
    return (this.#parsed ??= new URL(this.#url));
  }

  /** The path, still percent-encoded (`/items/a%20b`), read without parsing the whole URL. */
  get rawPath(): string {
    if (this.#parsed) return this.#parsed.pathname;
    // Perf: from the target when the adapter gave it (the URL is a string of parts until something flattens it).
    const t = this.#target;
    const u = t ?? this.#url;
    const start = t !== undefined ? 0 : u.indexOf("/", u.indexOf("//") + 2);
    if (start === -1) return "/";
    let end = u.length;
    const q = u.indexOf("?", start);
    if (q !== -1) end = q;
    const h = u.indexOf("#", start);
    if (h !== -1 && h < end) end = h;
    const path = u.slice(start, end);
    return /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/.test(path) || path.includes("/.") ? this.url.pathname : path;
  }

  /** Query parameters. */
  get queryParams(): URLSearchParams {
    if (this.#query) return this.#query;
    if (this.#parsed) return (this.#query = this.#parsed.searchParams);
    return (this.#query = new URLSearchParams(this.#rawQuery()));
  }

  /** The query string of the URL as received (without `?` and fragment). */
  #rawQuery(): string {
    const u = this.#target ?? this.#url;
    const q = u.indexOf("?");
    const h = u.indexOf("#", q === -1 ? 0 : q);
    return q === -1 ? "" : u.slice(q + 1, h === -1 ? undefined : h);
  }

  /**
   * One query parameter's values, as `queryParams.getAll(name)` gives them. Perf: while `queryParams` has not been
   * built (or changed by anyone), a query of plain characters (no `%`, no `+`, printable ASCII) is split here once
   * instead (the parameter solver asks for each declared parameter, and a `URLSearchParams` lookup crosses into
   * native code each time); any other query is read through `queryParams`.
   * @internal
   */
  queryAll(name: string): string[] {
    if (this.#query === undefined && this.#parsed === undefined) {
      const simple = (this.#simpleQuery ??= splitPlainQuery(this.#rawQuery()));
      if (simple !== null) {
        const values = simple.get(name);
        return values === undefined ? [] : values.slice();
      }
    }
    return this.queryParams.getAll(name);
  }

  /** Cookies sent by the client. */
  get cookies(): Record<string, string> {
    return (this.#cookies ??= parseCookies(this.header("cookie")));
  }

  /**
   * The body's chunks as they arrive. It can be consumed once, unless the body was already read: after it, `stream()`,
   * `body()`, `json()` and `text()` throw "Stream consumed", as Starlette's do (a 500 if the app lets it escape).
   */
  async *stream(): AsyncGenerator<Uint8Array> {
    if (this.#body) {
      yield await this.#body;
      return;
    }
    if (this.#streamed) throw streamConsumed();
    this.#streamed = true;
    const src = this.#source;
    this.#source = null;
    if (src === null) return;
    const declared = Number(this.headers.get("content-length") ?? NaN);
    if (declared > this.maxBodySize) throw new BodyTooLarge();
    let size = 0;
    for await (const chunk of src as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > this.maxBodySize) throw new BodyTooLarge();
      yield chunk;
    }
  }

  /** The whole body as bytes (read once, cached). */
  body(): Promise<Uint8Array> {
    if (!this.#body && this.#formStreamed) return Promise.reject(new Error("The body was consumed by form(): read body() before form(), or only the form"));
    if (!this.#body && this.#streamed) return Promise.reject(streamConsumed());
    const body = (this.#body ??= this.#read());
    return body instanceof Uint8Array ? Promise.resolve(body) : body;
  }

  #read(): Promise<Uint8Array> {
    const src = this.#source;
    // Perf: a source that gives its body whole (the Node adapter's) is read without an `async` layer.
    if (src === null || typeof (src as Partial<BodySource>).readAll !== "function") return this.#readAll();
    const declared = Number(this.header("content-length") ?? NaN);
    if (declared > this.maxBodySize) return Promise.reject(new BodyTooLarge());
    this.#source = null;
    return (src as BodySource).readAll(this.maxBodySize);
  }

  async #readAll(): Promise<Uint8Array> {
    const declared = Number(this.header("content-length") ?? NaN);
    if (declared > this.maxBodySize) throw new BodyTooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const src = this.#source;
    this.#source = null;
    if (src === null) return new Uint8Array(0);
    for await (const chunk of src as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > this.maxBodySize) throw new BodyTooLarge();
      chunks.push(chunk);
    }
    return concatBytes(chunks);
  }

  /** The body decoded as UTF-8. */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.body());
  }

  /**
   * The body parsed as JSON, its encoding told from its first bytes (UTF-8, UTF-16 or UTF-32, as Starlette's
   * `json.loads` does). Throws `SyntaxError` for text that is not JSON, `InvalidJsonEncoding` for bytes invalid in
   * their encoding.
   */
  async json(): Promise<unknown> {
    return JSON.parse(jsonText(await this.body()));
  }

  /**
   * The body parsed as a form (`application/x-www-form-urlencoded` or `multipart/form-data`; any other type gives an
   * empty form), read as it arrives. Bounded by the app's form limits (`maxFields`, `maxFiles`, `maxPartSize`:
   * Starlette's 1000, 1000 and 1 MiB), or by `limits` on the first call; a form over a limit or malformed is a 400.
   * Files larger than `spoolMaxSize` go to a temporary file where the server provides one (Node), removed by
   * {@link Request.close} once the response has been sent.
   */
  form(limits: Partial<FormLimits> = {}): Promise<FormData> {
    if (this.#form) return this.#form;
    if (!this.#body) this.#formStreamed = true;
    return (this.#form = readForm({
      contentType: this.headers.get("content-type") ?? "",
      body: this.stream(),
      limits: { ...this.formLimits, ...limits },
      spooler: this.#spooler,
      onSpooled: (file) => this.#spooled.push(file),
    }));
  }

  /**
   * Releases what the request holds: removes the temporary files of its uploads (Starlette's `request.close()`).
   * Servers call it once the response and its background tasks are done.
   */
  async close(): Promise<void> {
    const files = this.#spooled.splice(0);
    await Promise.all(files.map((f) => f.discard()));
  }

  static {
    holdsFiles = (request) => request.#spooled.length > 0;
    inHand = (request) => {
      const src = request.#source;
      const whole = src !== null && !request.#formStreamed ? (src as Partial<BodySource>).received : undefined;
      // Past the limit, `body()` refuses it (413) the usual way.
      if (whole === undefined || whole.byteLength > request.maxBodySize) return undefined;
      request.#source = null;
      // Perf: the bytes themselves, not a promise of them (most requests never ask for one).
      request.#body = whole;
      return whole;
    };
  }
}

/** Whether `request` holds temporary files of uploads, which {@link Request.close} removes (for adapters). */
export function holdsTemporaryFiles(request: Request): boolean {
  return holdsFiles(request);
}

/**
 * Thrown while reading the body when the client went away before sending all of it (Starlette's `ClientDisconnect`).
 * Servers log it in one line: nobody is left to answer.
 */
export class ClientDisconnect extends Error {
  constructor() {
    super("The client disconnected before sending the whole request body");
    this.name = "ClientDisconnect";
  }
}

/** Thrown when a body exceeds the app's `maxBodySize` (answered with 413). */
export class BodyTooLarge extends Error {
  constructor() {
    super("Request body too large");
    this.name = "BodyTooLarge";
  }
}

/**
 * A query string's parameters by name, when it holds only printable ASCII other than `%` and `+`: then the
 * `application/x-www-form-urlencoded` parsing of `URLSearchParams` (split on `&`, drop empty pieces, split each at its
 * first `=`, after one leading `?`) decodes nothing, and this gives the same names and values. `null` for any other
 * query (percent-escapes, `+`, spaces, controls, non-ASCII): read it with `URLSearchParams`.
 */
export function splitPlainQuery(query: string): Map<string, string[]> | null {
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x25 /* % */ || c === 0x2b /* + */) return null;
  }
  const out = new Map<string, string[]>();
  let start = query.charCodeAt(0) === 0x3f /* ? */ ? 1 : 0;
  while (start <= query.length) {
    let end = query.indexOf("&", start);
    if (end === -1) end = query.length;
    if (end > start) {
      const eq = query.indexOf("=", start);
      const name = eq === -1 || eq > end ? query.slice(start, end) : query.slice(start, eq);
      const value = eq === -1 || eq > end ? "" : query.slice(eq + 1, end);
      const values = out.get(name);
      if (values === undefined) out.set(name, [value]);
      else values.push(value);
    }
    start = end + 1;
  }
  return out;
}

/** Parses a `Cookie` header as Starlette does (`a=1; b=2`). */
export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const chunk of header.split(";")) {
    const eq = chunk.indexOf("=");
    const key = (eq === -1 ? "" : chunk.slice(0, eq)).trim();
    let value = (eq === -1 ? chunk : chunk.slice(eq + 1)).trim();
    if (!key && !value) continue;
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, "$1");
    out[key] = value;
  }
  return out;
}

/**
 * The whole body when the adapter already holds it (within the request's size limit), as `body()` would give it, but
 * without a promise; afterwards `body()` gives the same bytes. `undefined` when it must be read (or was read already).
 * @internal
 */
export function bodyInHand(request: Request): Uint8Array | undefined {
  return inHand(request);
}
