import type { BackgroundTasks } from "./background.ts";
import { jsonableEncoder } from "./encoders.ts";

/** What a {@link Response} body can be. */
export type ResponseBody = string | Uint8Array | ReadableStream<Uint8Array> | null;

/** Options shared by the response classes. */
export interface ResponseInit {
  /** Status code (default 200, or the class's default). */
  status?: number;
  /** Alias of `status`, as FastAPI spells it. */
  statusCode?: number;
  /** Response headers. */
  headers?: HeadersInit;
  /** The media type (`Content-Type` without charset); defaults to the class's. */
  mediaType?: string;
  /** Tasks to run after the response is sent (Starlette's `background=`). */
  background?: BackgroundTasks | null;
}

/** Options of {@link Response.setCookie}. */
export interface CookieOptions {
  /** Seconds until expiry (`Max-Age`). */
  maxAge?: number;
  /** Expiry: a date, or seconds from now. */
  expires?: Date | string | number;
  /** Default `/`. */
  path?: string;
  domain?: string;
  secure?: boolean;
  httponly?: boolean;
  /** Default `lax`; `null` omits the attribute. */
  samesite?: "lax" | "strict" | "none" | null;
  partitioned?: boolean;
}

/** Reads a response's private header state (set in the class's static block). */
let contentTypeOnly: (response: Response) => string | null | undefined;

/**
 * An HTTP response (Starlette's `Response`). Return one from a handler to send it as is, or declare a `Response`
 * parameter to receive the "temporal" response whose status, headers and cookies are merged into the final one.
 */
export class Response {
  /** Default media type of the class. */
  static mediaType: string | null = null;
  /** Status code. */
  status: number;
  /** Headers (a Web `Headers`). */
  get headers(): Headers {
    let h = this.#headers;
    if (h === null) {
      h = this.#headers = new Headers();
      if (this.#contentType !== null) h.set("content-type", this.#contentType);
    }
    return h;
  }
  // Perf: the Web `Headers` is built on first use. Most responses carry only their content type, which the Node
  // adapter writes without one (`new Headers()`, `set()` with its validation and the iteration cost ~1 µs a response).
  #headers: Headers | null = null;
  /** The content type while `#headers` is not built. */
  #contentType: string | null = null;
  /** The body, already rendered. */
  body: ResponseBody;
  /** Tasks run after the response is sent (those a handler queued are added here by the app). */
  background: BackgroundTasks | null;

  constructor(content: unknown = null, init: ResponseInit = {}) {
    this.status = init.status ?? init.statusCode ?? (this.constructor as typeof Response).defaultStatus;
    if (init.headers !== undefined) this.#headers = new Headers(init.headers);
    this.body = this.render(content);
    this.background = init.background ?? null;
    const mediaType = init.mediaType ?? (this.constructor as typeof Response).mediaType;
    if (mediaType && this.body !== null) {
      const type = mediaType.startsWith("text/") && !mediaType.includes("charset") ? `${mediaType}; charset=utf-8` : mediaType;
      const h = this.#headers;
      if (h === null) this.#contentType = type;
      else if (!h.has("content-type")) h.set("content-type", type);
    }
  }

  static {
    contentTypeOnly = (response) => (response.#headers === null ? response.#contentType : undefined);
  }

  /** Default status of the class. */
  static defaultStatus = 200;

  /** Alias of {@link Response.status}. */
  get statusCode(): number {
    return this.status;
  }
  set statusCode(value: number) {
    this.status = value;
  }

  /**
   * Turns content into the body; subclasses override it (JSON, HTML…). Text, bytes or a stream; anything else (a
   * number, an object: e.g. a handler's dict sent with `responseClass: HTMLResponse`) is a `TypeError`, a 500, as
   * Starlette's `content.encode(...)` fails on it (it was sent as `String(content)`, `[object Object]`).
   */
  protected render(content: unknown): ResponseBody {
    if (content === null || content === undefined) return null;
    if (typeof content === "string" || content instanceof Uint8Array || content instanceof ReadableStream) return content;
    if (content instanceof ArrayBuffer) return new Uint8Array(content);
    if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
    const type = Array.isArray(content) ? "list" : typeof content === "object" ? "dict" : typeof content === "number" ? (Number.isInteger(content) ? "int" : "float") : typeof content;
    throw new TypeError(`${this.constructor.name} content must be text or bytes: '${type}' object has no attribute 'encode'`);
  }

  /** Adds a `Set-Cookie` header (defaults as Starlette: `Path=/; SameSite=lax`). */
  setCookie(key: string, value = "", options: CookieOptions = {}): void {
    const parts = [`${key}=${cookieValue(value)}`];
    if (options.domain) parts.push(`Domain=${options.domain}`);
    if (options.expires !== undefined) {
      const at = typeof options.expires === "number" ? new Date(Date.now() + options.expires * 1000) : new Date(options.expires);
      parts.push(`expires=${at.toUTCString().replace(/GMT$/, "GMT")}`);
    }
    if (options.httponly) parts.push("HttpOnly");
    if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
    if (options.partitioned) parts.push("Partitioned");
    parts.push(`Path=${options.path ?? "/"}`);
    const samesite = options.samesite === undefined ? "lax" : options.samesite;
    if (samesite) parts.push(`SameSite=${samesite}`);
    if (options.secure) parts.push("Secure");
    this.headers.append("set-cookie", parts.join("; "));
  }

  /** Expires a cookie on the client. */
  deleteCookie(key: string, options: Omit<CookieOptions, "maxAge" | "expires"> = {}): void {
    this.setCookie(key, "", { ...options, maxAge: 0, expires: 0 });
  }

  /** Converts to a Web `Response` (`head`: headers only). */
  toWeb(head = false): globalThis.Response {
    const noBody = head || statusHasNoBody(this.status);
    return new globalThis.Response(noBody ? null : (this.body as BodyInit | null), { status: this.status, headers: this.headers });
  }
}

/** @internal Whether a response of this status never has a body (1xx, 204, 304). */
export function statusHasNoBody(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/**
 * @internal For adapters: the content type (or `null`) of a response whose headers were never read or set, which
 * is then its only header; `undefined` when its `headers` exist (read them).
 */
export function untouchedContentType(response: Response): string | null | undefined {
  return contentTypeOnly(response);
}

/**
 * A cookie's value as Python's `SimpleCookie` writes it: as is when made only of its legal characters, else quoted,
 * a quote or a backslash escaped with a backslash and other bytes outside its safe set as octal escapes (a comma is
 * `\054`); an empty value is `""`.
 */
function cookieValue(v: string): string {
  if (/^[\w!#$%&'*+\-.^`|~:]+$/.test(v)) return v;
  return `"${v.replace(/[^\w!#$%&'*+\-.^`|~: ()/<=>?@[\]{}\u0100-\uffff]/g, (c) =>
    c === '"' || c === "\\" ? `\\${c}` : `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`)}"`;
}

/**
 * @internal JSON text a route has already encoded: a {@link JSONResponse} of it sends the text as is. Perf: a route's
 * answer was a `new JSONResponse(null)` whose body was set afterwards, which first encoded and stringified `null`.
 */
export class EncodedJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A JSON response: `content` is encoded with {@link jsonableEncoder} then `JSON.stringify`. */
export class JSONResponse extends Response {
  static override mediaType: string | null = "application/json";
  protected override render(content: unknown): ResponseBody {
    if (content instanceof EncodedJson) return content.text;
    return JSON.stringify(jsonableEncoder(content));
  }
}

/** An HTML response (`text/html; charset=utf-8`). */
export class HTMLResponse extends Response {
  static override mediaType: string | null = "text/html";
}

/** A plain-text response (`text/plain; charset=utf-8`). */
export class PlainTextResponse extends Response {
  static override mediaType: string | null = "text/plain";
}

/** A redirect (307 by default) to `url`. */
export class RedirectResponse extends Response {
  static override defaultStatus = 307;
  constructor(url: string | URL, init: ResponseInit = {}) {
    super(null, init);
    this.headers.set("location", encodeURI(decodeURI(String(url))));
  }
}

/** What a {@link StreamingResponse} streams. */
export type StreamSource = ReadableStream<Uint8Array | string> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A response whose body is produced by an (async) iterable or a stream, chunk by chunk. */
export class StreamingResponse extends Response {
  constructor(content: StreamSource, init: ResponseInit = {}) {
    super(null, init);
    this.body = toStream(content);
    const mediaType = init.mediaType ?? (this.constructor as typeof Response).mediaType;
    if (mediaType && !this.headers.has("content-type")) this.headers.set("content-type", mediaType);
  }
}

function toStream(source: StreamSource): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const iter = source instanceof ReadableStream ? (source as unknown as AsyncIterable<Uint8Array | string>) : source;
  let it: AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string>;
  return new ReadableStream<Uint8Array>({
    start() {
      it = Symbol.asyncIterator in iter ? (iter as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
        : (iter as Iterable<Uint8Array | string>)[Symbol.iterator]();
    },
    async pull(controller) {
      const r = await it.next();
      if (r.done) controller.close();
      else controller.enqueue(typeof r.value === "string" ? enc.encode(r.value) : r.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

const mimeTypes: Record<string, string> = {
  html: "text/html", htm: "text/html", txt: "text/plain", css: "text/css", js: "text/javascript", mjs: "text/javascript",
  json: "application/json", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml",
  webp: "image/webp", ico: "image/vnd.microsoft.icon", pdf: "application/pdf", csv: "text/csv", xml: "application/xml",
  zip: "application/zip", wasm: "application/wasm", mp4: "video/mp4", mp3: "audio/mpeg", md: "text/markdown",
};

/** Guesses a media type from a file name (`report.pdf` → `application/pdf`). */
export function guessMediaType(name: string): string {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return mimeTypes[ext] ?? "application/octet-stream";
}
