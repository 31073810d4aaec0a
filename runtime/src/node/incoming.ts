/**
 * From a Node request to the app's {@link Request}: the URL is built only from a valid `Host` header and the
 * request's own path, proxy headers are applied for trusted peers, and the body streams lazily.
 * @packageDocumentation
 */
import type { IncomingMessage } from "node:http";
import { parseHost } from "../host.ts";
import { applyProxyHeaders } from "../middleware/proxyheaders.ts";
import { BodyTooLarge, ClientDisconnect, Request, type BodySource } from "../request.ts";
import { nodeSpooler } from "./spool.ts";

/** Options of {@link toRequest}. */
export interface ListenerOptions {
  /** Serve the Swagger UI / ReDoc assets under the app's `docsAssetsUrl` (default `true`). */
  serveDocsAssets?: boolean;
  /** The prefix a proxy serves the app under; the app's own `rootPath` wins. */
  rootPath?: string;
  /** Believe `X-Forwarded-Proto`/`X-Forwarded-For` from trusted peers (default `true`). */
  proxyHeaders?: boolean;
  /** Trusted proxy addresses, or `"*"` (default `["127.0.0.1"]`, or the `FORWARDED_ALLOW_IPS` variable). */
  forwardedAllowIps?: readonly string[] | "*";
}

/** A request the server answers itself with 400, before the app sees it (an invalid `Host`, an odd target). */
export class InvalidRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRequest";
  }
}

function trustedFromEnv(): readonly string[] | "*" | undefined {
  const v = process.env.FORWARDED_ALLOW_IPS;
  if (!v) return undefined;
  return v.trim() === "*" ? "*" : v.split(",").map((s) => s.trim());
}

/** The authority to build the URL with: the `Host` header when valid, the server's own address when absent. */
function authority(req: IncomingMessage): string {
  const host = req.headers.host;
  if (host) {
    if (!parseHost(host)) throw new InvalidRequest("Invalid host header");
    return host;
  }
  // HTTP/1.0 may omit Host (Node answers 400 itself for HTTP/1.1): the address the client connected to.
  const local = req.socket.localAddress ?? "127.0.0.1";
  return `${local.includes(":") ? `[${local}]` : local}:${req.socket.localPort ?? 80}`;
}

/** The path and query: origin-form as is; absolute-form (`GET http://a/b`) reduced to its path, as uvicorn does. */
function target(req: IncomingMessage): string {
  const raw = req.url ?? "/";
  if (raw.startsWith("/")) return raw;
  if (/^https?:\/\//i.test(raw) && URL.canParse(raw)) {
    const u = new URL(raw);
    return u.pathname + u.search;
  }
  throw new InvalidRequest("Invalid request target");
}

/**
 * Builds the app's {@link Request} for a Node request (proxy headers and root path applied). Throws
 * {@link InvalidRequest} when the `Host` header or the request target is invalid (answer 400).
 */
export function toRequest(req: IncomingMessage, options: ListenerOptions, scheme: "http" | "ws", body: NodeBody | null = scheme === "http" ? bodyOf(req) : null): Request {
  // Perf: the Web `Headers` is built on first use only (a `Headers` with its per-header validation costs a few µs,
  // more than the rest of routing a request); Node's own parsed `req.headers` answers the proxy check.
  let headers: Headers | (() => Headers) = () => toHeaders(req);
  const origin = `${scheme}://${authority(req)}`;
  const path = target(req);
  let url = origin + path;
  let client: { host: string; port: number } | null = req.socket.remoteAddress ? { host: req.socket.remoteAddress, port: req.socket.remotePort ?? 0 } : null;
  if (options.proxyHeaders !== false && (req.headers["x-forwarded-proto"] !== undefined || req.headers["x-forwarded-for"] !== undefined)) {
    headers = toHeaders(req);
    ({ url, client } = applyProxyHeaders(url, headers, client, { forwardedAllowIps: options.forwardedAllowIps ?? trustedFromEnv() }));
  }
  return new Request({
    method: req.method ?? "GET", url, target: path, headers, rawHeaders: req.rawHeaders, client, rootPath: options.rootPath,
    body,
    spooler: nodeSpooler,
  });
}

function toHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) h.append(raw[i]!, raw[i + 1]!);
  return h;
}

/** A body stream failing because the client went away becomes {@link ClientDisconnect}. */
function disconnected(req: IncomingMessage, error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  return req.destroyed || code === "ECONNRESET" || code === "ECONNABORTED" ? new ClientDisconnect() : error;
}

/**
 * The request body as an async iterable. Perf: when Node already holds the whole body (a small body arrives with
 * its headers, and is parsed before the app reads it), it is yielded as one chunk, without the stream's async
 * iterator machinery (several promises and listeners per request); otherwise the stream's own iterator. Leaving
 * early does not destroy the request: the app's answer (413, 400…) must still reach the client; the listener
 * drops the rest of the body afterwards (`closeAfterUnreadBody`). `readAll` (the whole body at once, as
 * `request.body()` reads it) collects the chunks from the stream's events instead: one promise, no iterator.
 * Perf: a class, not an object literal of closures: a literal with a computed key (`[Symbol.asyncIterator]`) is
 * built the slow way, and this is built for every request with a body.
 */
export class NodeBody implements BodySource {
  readonly #req: IncomingMessage;
  /** The whole body, once the listener has read it ({@link readSmallBody}). */
  received: Uint8Array | undefined;
  /** The client went away before sending the whole body (found while the listener read it). */
  aborted = false;
  constructor(req: IncomingMessage) {
    this.#req = req;
  }

  readAll(limit: number): Promise<Uint8Array> {
    const whole = this.received;
    if (whole !== undefined) return whole.byteLength > limit ? Promise.reject(new BodyTooLarge()) : Promise.resolve(whole);
    if (this.aborted) return Promise.reject(new ClientDisconnect());
    return readAll(this.#req, limit);
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const req = this.#req;
    if (this.received !== undefined || this.aborted) {
      let chunk: Uint8Array | null = this.received ?? null;
      const aborted = this.aborted;
      return {
        next: () => {
          const value = chunk;
          chunk = null;
          if (value === null) return aborted ? Promise.reject(new ClientDisconnect()) : Promise.resolve({ done: true, value: undefined });
          return Promise.resolve({ done: false, value });
        },
        return: () => Promise.resolve({ done: true, value: undefined }),
      };
    }
    if (!req.complete || req.readableFlowing !== null || req.readableDidRead) {
      const it = req.iterator({ destroyOnReturn: false }) as AsyncIterator<Uint8Array>;
      return {
        next: () => it.next().catch((error: unknown) => { throw disconnected(req, error); }),
        return: () => it.return ? it.return() : Promise.resolve({ done: true, value: undefined }),
      };
    }
    let chunk: Buffer | null = req.read() as Buffer | null;
    return {
      next: () => {
        const value = chunk;
        chunk = null;
        if (value === null) {
          req.read(); // lets the stream end, as iterating it would
          return Promise.resolve({ done: true, value: undefined });
        }
        return Promise.resolve({ done: false, value });
      },
      return: () => {
        req.resume();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }
}

/** The whole body of a Node request, from its `data` events (or at once when Node holds all of it already). */
function readAll(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (req.readableFlowing !== null || req.readableDidRead || req.destroyed) return collect(new NodeBody(req)[Symbol.asyncIterator](), limit);
  if (req.complete) {
    const whole = req.read() as Buffer | null;
    req.read(); // lets the stream end, as reading it to its end would
    if (whole !== null && whole.byteLength > limit) return Promise.reject(new BodyTooLarge());
    return Promise.resolve(whole ?? new Uint8Array(0));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > limit) {
        // Reading stops here; the listener drops the rest once the 413 is written (`closeAfterUnreadBody`).
        done();
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      done();
      reject(disconnected(req, error));
    };
    // Closed before its end: the client went away.
    const onClose = (): void => {
      done();
      reject(new ClientDisconnect());
    };
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/** Reads an iterator of chunks to its end (checking `limit`), as `Request` does for other sources. */
async function collect(chunks: AsyncIterator<Uint8Array>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let r = await chunks.next(); !r.done; r = await chunks.next()) {
    size += r.value.byteLength;
    if (size > limit) {
      await chunks.return?.();
      throw new BodyTooLarge();
    }
    parts.push(r.value);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
}

/** Bodies up to this size (by `content-length`) are read before the app is called: see {@link readSmallBody}. */
export const SMALL_BODY = 64 * 1024;

/**
 * For a request whose small body (by `content-length`, at most {@link SMALL_BODY}) is still arriving: reads it, then
 * calls `then`. Returns `false`, doing nothing, for any other request (no body, a larger or chunked one, `Expect`).
 * Perf: such a body nearly always comes in the same packet as its headers, but Node parses it only after announcing
 * the request; read first, the parameters are solved without a promise. A client that goes away mid-body still gets
 * its request answered: reading the body then fails with `ClientDisconnect`, as it would have.
 *
 * Read from the stream's events. Taking the body from the stream's buffer on the next tick was tried and dropped:
 * over a real socket Node marks the request `complete` a loop turn after pushing its body, so that shortcut never
 * ran outside in-memory sockets (bench/README.md, "Latest runs").
 */
export function readSmallBody(req: IncomingMessage, body: NodeBody, then: () => void): boolean {
  if (req.complete || req.headers.expect !== undefined) return false;
  const len = req.headers["content-length"];
  if (len === undefined || req.headers["transfer-encoding"] !== undefined || !(Number(len) <= SMALL_BODY)) return false;
  const chunks: Buffer[] = [];
  let size = 0;
  const done = (): void => {
    req.off("data", onData).off("end", onEnd).off("error", onStop).off("close", onStop);
  };
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    size += chunk.byteLength;
  };
  const onEnd = (): void => {
    done();
    body.received = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
    then();
  };
  const onStop = (): void => {
    done();
    body.aborted = true;
    then();
  };
  req.on("data", onData).on("end", onEnd).on("error", onStop).on("close", onStop);
  return true;
}

/** The body of an HTTP request, or `null` when it has none. */
export function bodyOf(req: IncomingMessage): NodeBody | null {
  const len = req.headers["content-length"];
  return (len !== undefined && len !== "0") || req.headers["transfer-encoding"] !== undefined ? new NodeBody(req) : null;
}
