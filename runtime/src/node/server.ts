import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatchMaybeSync, type FastAPI } from "../app.ts";
import { BodyTooLarge, Request, type BodySource } from "../request.ts";
import { untouchedContentType, type Response } from "../responses.ts";
import { docsAssets, readDocsAsset } from "./assets.ts";
import { applyProxyHeaders } from "../middleware/proxyheaders.ts";
import { createWebSocketHandler } from "./websocket.ts";

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Port (default 8000; `0` picks a free one). */
  port?: number;
  /** Serve the Swagger UI / ReDoc assets under the app's `docsAssetsUrl` (default `true`). */
  serveDocsAssets?: boolean;
  /** Called once listening. */
  onListen?: (info: { host: string; port: number; url: string }) => void;
  /** The prefix a proxy serves the app under (uvicorn's `--root-path`); the app's own `rootPath` wins. */
  rootPath?: string;
  /** Believe `X-Forwarded-Proto`/`X-Forwarded-For` from trusted peers (default `true`, as uvicorn). */
  proxyHeaders?: boolean;
  /** Trusted proxy addresses, or `"*"` (default `["127.0.0.1"]`, or the `FORWARDED_ALLOW_IPS` variable). */
  forwardedAllowIps?: readonly string[] | "*";
  /** Run the app's lifespan around serving (default `true`). */
  lifespan?: boolean;
}

/** Options of {@link createListener}. */
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

function trustedFromEnv(): readonly string[] | "*" | undefined {
  const v = process.env.FORWARDED_ALLOW_IPS;
  if (!v) return undefined;
  return v.trim() === "*" ? "*" : v.split(",").map((s) => s.trim());
}

/** Builds the app's {@link Request} for a Node request (proxy headers and root path applied). */
export function toRequest(req: IncomingMessage, options: ListenerOptions, scheme: "http" | "ws"): Request {
  const host = req.headers.host ?? "localhost";
  // Perf: the Web `Headers` is built on first use only (a `Headers` with its per-header validation costs a few µs,
  // more than the rest of routing a request); Node's own parsed `req.headers` answers the proxy check.
  let headers: Headers | (() => Headers) = () => toHeaders(req);
  let url = `${scheme}://${host}${req.url ?? "/"}`;
  let client: { host: string; port: number } | null = req.socket.remoteAddress ? { host: req.socket.remoteAddress, port: req.socket.remotePort ?? 0 } : null;
  if (options.proxyHeaders !== false && (req.headers["x-forwarded-proto"] !== undefined || req.headers["x-forwarded-for"] !== undefined)) {
    headers = toHeaders(req);
    ({ url, client } = applyProxyHeaders(url, headers, client, { forwardedAllowIps: options.forwardedAllowIps ?? trustedFromEnv() }));
  }
  return new Request({
    method: req.method ?? "GET", url, headers, rawHeaders: req.rawHeaders, client, rootPath: options.rootPath,
    body: scheme === "http" && hasBody(req) ? bodyOf(req) : null,
  });
}

/** A running server. */
export interface RunningServer {
  /** The `node:http` server. */
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  /** The port listened on (the one chosen when `port: 0` was asked). */
  readonly port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

function toHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) h.append(raw[i]!, raw[i + 1]!);
  return h;
}

/**
 * The request body as an async iterable. Perf: when Node already holds the whole body (a small body arrives with
 * its headers, and is parsed before the app reads it), it is yielded as one chunk, without the stream's async
 * iterator machinery (several promises and listeners per request); otherwise the stream's own iterator. Leaving
 * early destroys the request, as the stream's iterator does. `readAll` (the whole body at once, as `request.body()`
 * reads it) collects the chunks from the stream's events instead: one promise, no iterator.
 */
function bodyOf(req: IncomingMessage): BodySource {
  return {
    readAll: (limit) => readAll(req, limit),
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      if (!req.complete || req.readableFlowing !== null || req.readableDidRead) return req[Symbol.asyncIterator]();
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
          req.destroy();
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}

/** The whole body of a Node request, from its `data` events (or at once when Node holds all of it already). */
function readAll(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (req.readableFlowing !== null || req.readableDidRead || req.destroyed) return collect(req[Symbol.asyncIterator](), limit);
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
        // The rest still flows, to no listener: it is dropped, and the 413 reaches the client.
        done();
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
      reject(error);
    };
    // Closed before its end (the client went away): as the stream's iterator, a premature close is an error.
    const onClose = (): void => {
      done();
      reject(Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" }));
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

function hasBody(req: IncomingMessage): boolean {
  const len = req.headers["content-length"];
  return (len !== undefined && len !== "0") || req.headers["transfer-encoding"] !== undefined;
}

/** Writes a {@link Response} to a Node response without building a Web `Response`. */
export async function writeResponse(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  return writeNow(res, response, head);
}

/**
 * {@link writeResponse}: a body already in memory is written at once (nothing is returned); a streamed body returns
 * the promise of its end.
 */
function writeNow(res: ServerResponse, response: Response, head: boolean): void | Promise<void> {
  // Perf: one pass over the headers notes whether there are cookies and a content-length, instead of
  // `getSetCookie()` and `has()` calls that each walk them again.
  // Perf: a response whose headers were never touched has only its content type: no Web `Headers` to build.
  const type = untouchedContentType(response);
  const flat: string[] = type ? ["content-type", type] : [];
  let hasLength = false;
  if (type === undefined) {
    let cookies = false;
    response.headers.forEach((value, key) => {
      if (key === "set-cookie") cookies = true;
      else {
        if (key === "content-length") hasLength = true;
        flat.push(key, value);
      }
    });
    if (cookies) for (const c of response.headers.getSetCookie()) flat.push("set-cookie", c);
  }
  const body = response.body;
  const noBody = head || response.status === 204 || response.status === 304 || response.status < 200;
  if (body === null || typeof body === "string" || body instanceof Uint8Array) {
    if (body !== null && !hasLength) {
      flat.push("content-length", String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength));
    } else if (body === null && !noBody && !hasLength) {
      flat.push("content-length", "0");
    }
    res.writeHead(response.status, flat);
    res.end(noBody || body === null ? undefined : body);
    return;
  }
  res.writeHead(response.status, flat);
  return writeStream(res, body, noBody);
}

async function writeStream(res: ServerResponse, body: ReadableStream<Uint8Array>, noBody: boolean): Promise<void> {
  if (noBody) {
    await body.cancel();
    res.end();
    return;
  }
  const reader = body.getReader();
  const onClose = (): void => void reader.cancel().catch(() => {});
  res.once("close", onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once("drain", resolve));
    }
  } finally {
    res.off("close", onClose);
    res.end();
  }
}

/** The `node:http` request listener for an app (use it with your own server). */
export function createListener(app: FastAPI, options: ListenerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const assetsBase = (app.settings.docsAssetsUrl ?? "/_fastapi-ts/assets").replace(/\/$/, "") + "/";
  const serveAssets = options.serveDocsAssets !== false && assetsBase.startsWith("/");
  const root = (app.settings.rootPath ?? options.rootPath ?? "").replace(/\/$/, "");
  const fail = (res: ServerResponse, error: unknown): void => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  };
  const send = (req: IncomingMessage, res: ServerResponse, response: Response): void | Promise<void> => {
    const background = response.background;
    const written = writeNow(res, response, req.method === "HEAD");
    const after = (): void | Promise<void> => {
      if (!req.complete) req.resume();
      // Background tasks run once the response has been sent; a failure is logged (BackgroundTasks.run).
      if (background) return background.run();
    };
    return written ? written.then(after) : after();
  };
  return (req, res) => {
    const path = req.url ?? "/";
    if (serveAssets && (req.method === "GET" || req.method === "HEAD")) {
      const assetsPath = path.startsWith(assetsBase) ? path : root && path.startsWith(root + assetsBase) ? path.slice(root.length) : null;
      const name = assetsPath === null ? "" : assetsPath.slice(assetsBase.length).split("?")[0]!;
      const asset = assetsPath === null ? undefined : readDocsAsset(name);
      if (asset) {
        asset.then((bytes) => {
          res.writeHead(200, { "content-type": docsAssets[name]!.type, "content-length": bytes.byteLength, "cache-control": "public, max-age=86400" });
          res.end(req.method === "HEAD" ? undefined : bytes);
        }).catch((error: unknown) => fail(res, error));
        return;
      }
    }
    // Perf: the app answers without a promise when nothing was asynchronous, and the answer is written in the same
    // turn; a promise is continued only where there is one (a body to read, an asynchronous handler…).
    try {
      const answered = dispatchMaybeSync(app, toRequest(req, options, "http"));
      const sent = answered instanceof Promise ? answered.then((response) => send(req, res, response)) : send(req, res, answered);
      if (sent) sent.catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  };
}

/**
 * Serves an app on `node:http`.
 *
 * @param app - The app to serve; its lifespan starts before the server listens, unless `lifespan: false`.
 * @param options - Where to listen (default `127.0.0.1:8000`), proxy and root-path handling, the docs assets.
 * @returns Once listening: the server, its URL and port, and `close()`.
 *
 * @example
 * ```ts
 * const server = await serve(app, { host: "127.0.0.1", port: 8000 });
 * // ...
 * await server.close();
 * ```
 */
export async function serve(app: FastAPI, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer({ keepAliveTimeout: 5000 }, createListener(app, options));
  const sockets = createWebSocketHandler(app);
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
    if ((req.headers.upgrade ?? "").toLowerCase() !== "websocket") {
      socket.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    sockets.onUpgrade(req, socket, head, toRequest(req, options, "ws"));
  });
  const lifespan = options.lifespan !== false;
  if (lifespan) await app.startup();
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      if (lifespan) void app.shutdown().catch(() => {});
      reject(error);
    };
    server.once("error", onError);
    server.listen(options.port ?? 8000, host, () => {
      server.off("error", onError);
      const port = (server.address() as AddressInfo).port;
      const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
      const url = `http://${shown}:${port}`;
      options.onListen?.({ host, port, url });
      resolve({
        server, url, port,
        close: () => new Promise<void>((done, fail) => {
          // Stop accepting; let in-flight requests finish; drop keep-alive sockets as soon as they are idle.
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          server.close((err) => {
            clearInterval(sweep);
            const stopped = lifespan ? app.shutdown() : Promise.resolve();
            stopped.then(() => (err ? fail(err) : done()), fail);
          });
          server.closeIdleConnections();
          sockets.closeAll();
        }),
      });
    });
  });
}
