import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatchTo, type AnswerSink, type FastAPI } from "../app.ts";
import { reportServerError } from "../handlers.ts";
import { holdsTemporaryFiles, type Request } from "../request.ts";
import type { Response } from "../responses.ts";
import { docsAssets, readDocsAsset } from "./assets.ts";
import { Connections, shutDown } from "./connections.ts";
import { describe, runInRequest } from "./faults.ts";
import { bodyOf, InvalidRequest, readSmallBody, toRequest, type ListenerOptions } from "./incoming.ts";
import { closeAfterUnreadBody, ResponseStreamError, writeResponse, writeWholeResponse } from "./outgoing.ts";
import { createWebSocketHandler, type WebSocketLimits } from "./websocket.ts";

// Perf: node:http taken as Node's own module, not through an ESM import: building its ESM namespace reads every
// export, and the lazy `WebSocket`, `CloseEvent` and `MessageEvent` load undici, ~20 ms of every start-up (70 → 49 ms to
// import `fastapi-ts/node`), though serving a request that succeeds never needs it.
const { createServer } = process.getBuiltinModule("node:http");

export { toRequest, InvalidRequest, type ListenerOptions } from "./incoming.ts";
export { writeResponse } from "./outgoing.ts";

/** The server's limits (uvicorn's options of the same names, camelCased); see the Limits page of the guide. */
export interface ServerLimits extends WebSocketLimits {
  /** Seconds in-flight requests get after a shutdown starts before their connections are cut (default 5). */
  timeoutGracefulShutdown?: number;
  /** Seconds an idle keep-alive connection stays open (default 5, as uvicorn). */
  timeoutKeepAlive?: number;
  /** Seconds a client has to send the request line and headers (default 60, Node's). */
  timeoutHeaders?: number;
  /** Seconds a client has to send the whole request (default 300, Node's). */
  timeoutRequest?: number;
  /** Largest request line plus headers in bytes; larger ones get 431 (default 16 KiB, as uvicorn's h11). */
  maxHeaderSize?: number;
}

/** Options of {@link serve}. */
export interface ServeOptions extends ServerLimits {
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

/** The defaults of {@link ServerLimits}. */
export const defaultServerLimits: Readonly<Required<ServerLimits>> = Object.freeze({
  timeoutGracefulShutdown: 5,
  timeoutKeepAlive: 5,
  timeoutHeaders: 60,
  timeoutRequest: 300,
  maxHeaderSize: 16 * 1024,
  wsMaxSize: 16 * 1024 * 1024,
  wsMaxQueue: 32,
});

/** A running server. */
export interface RunningServer {
  /** The `node:http` server. */
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  /** The port listened on (the one chosen when `port: 0` was asked). */
  readonly port: number;
  /**
   * Stops accepting connections, closes idle ones, lets in-flight requests finish for at most
   * `timeoutGracefulShutdown` seconds (then cuts them), runs the lifespan's shutdown, and resolves.
   */
  close(): Promise<void>;
}

function answerInvalid(res: ServerResponse, message: string): void {
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(message), connection: "close" });
  res.end(message);
}

/** The `node:http` request listener for an app (use it with your own server). */
export function createListener(app: FastAPI, options: ListenerOptions = {}, connections?: Connections): (req: IncomingMessage, res: ServerResponse) => void {
  const assetsBase = (app.settings.docsAssetsUrl ?? "/_fastapi-ts/assets").replace(/\/$/, "") + "/";
  const serveAssets = options.serveDocsAssets !== false && assetsBase.startsWith("/");
  const root = (app.settings.rootPath ?? options.rootPath ?? "").replace(/\/$/, "");

  /** The docs asset `req` asks for, if it is one (its bytes are read once, then kept). */
  function assetOf(req: IncomingMessage): { name: string; bytes: Promise<Uint8Array> } | null {
    if (!serveAssets || (req.method !== "GET" && req.method !== "HEAD")) return null;
    const path = req.url ?? "/";
    const assetsPath = path.startsWith(assetsBase) ? path : root && path.startsWith(root + assetsBase) ? path.slice(root.length) : null;
    if (assetsPath === null) return null;
    const name = assetsPath.slice(assetsBase.length).split("?")[0]!;
    const bytes = readDocsAsset(name);
    return bytes ? { name, bytes } : null;
  }

  async function sendAsset(req: IncomingMessage, res: ServerResponse, asset: { name: string; bytes: Promise<Uint8Array> }): Promise<void> {
    const bytes = await asset.bytes;
    res.writeHead(200, { "content-type": docsAssets[asset.name]!.type, "content-length": bytes.byteLength, "cache-control": "public, max-age=86400" });
    res.end(req.method === "HEAD" ? undefined : bytes);
  }

  /** A request's failure: logged with the request; a 500 if nothing was sent yet, else its connection is cut. */
  function failed(res: ServerResponse, request: Request, error: unknown): void {
    if (error instanceof ResponseStreamError) console.error(`Exception while streaming the response of ${describe(request)} (its connection was closed):`, error.cause);
    else reportServerError(request, error);
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    } else if (!res.writableEnded) {
      res.destroy();
    }
  }

  /** Removes the temporary files of the request's uploads, once the response and its tasks are done. */
  async function release(request: Request): Promise<void> {
    await request.close().catch((error: unknown) => console.error("Could not remove an upload's temporary file:", error));
  }

  /** The app failed before answering: logged, a 500, and the request's temporary files removed. */
  function refused(res: ServerResponse, request: Request, error: unknown): void {
    failed(res, request, error);
    void release(request);
  }

  /** The general path: a streamed body, background tasks, uploads to remove, or a failure while writing. */
  async function finish(req: IncomingMessage, res: ServerResponse, request: Request, response: Response): Promise<void> {
    try {
      const background = response.background;
      try {
        await writeResponse(res, response, req.method === "HEAD");
      } finally {
        // The app answered before reading the whole body (413, 400…): drop the rest, then close.
        if (!req.complete) closeAfterUnreadBody(req);
      }
      // Background tasks run once the response has been sent; a failure is logged (BackgroundTasks.run).
      if (background) await background.run();
    } catch (error) {
      failed(res, request, error);
    } finally {
      await release(request);
    }
  }

  /**
   * Perf: an answer that is ready in the same turn, with its body in hand, no background tasks and no uploads to
   * remove (most answers) is written at once, without a promise; anything else goes through `finish`.
   */
  function written(req: IncomingMessage, res: ServerResponse, request: Request, response: Response): void {
    if (response.background || holdsTemporaryFiles(request)) return void finish(req, res, request, response);
    try {
      if (!writeWholeResponse(res, response, req.method === "HEAD")) return void finish(req, res, request, response);
    } catch (error) {
      failed(res, request, error);
    }
    if (!req.complete) closeAfterUnreadBody(req);
  }

  function respond(req: IncomingMessage, res: ServerResponse, request: Request): void {
    // Everything in one try: a throw that escaped here would be "outside any request" and stop the process.
    try {
      const asset = assetOf(req);
      if (asset) {
        void sendAsset(req, res, asset).catch((error: unknown) => failed(res, request, error));
        return;
      }
      dispatchTo(app, request, new Exchange(req, res, request));
    } catch (error) {
      refused(res, request, error);
    }
  }

  /** One request's answer, as the app hands it over. Perf: one object per request, its methods shared. */
  class Exchange implements AnswerSink {
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    readonly request: Request;
    constructor(req: IncomingMessage, res: ServerResponse, request: Request) {
      this.req = req;
      this.res = res;
      this.request = request;
    }
    done(response: Response): void {
      written(this.req, this.res, this.request, response);
    }
    fail(error: unknown): void {
      refused(this.res, this.request, error);
    }
  }

  return (req, res) => {
    connections?.onRequest(req, res);
    let request: Request;
    const body = bodyOf(req);
    try {
      request = toRequest(req, options, "http", body);
    } catch (error) {
      if (error instanceof InvalidRequest) return answerInvalid(res, error.message);
      throw error;
    }
    const run = (): void => runInRequest(request, () => respond(req, res, request));
    if (body === null || !readSmallBody(req, body, run)) run();
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
  const limits = { ...defaultServerLimits, ...definedOnly(options) };
  const server = createServer({
    keepAliveTimeout: limits.timeoutKeepAlive * 1000,
    headersTimeout: limits.timeoutHeaders * 1000,
    requestTimeout: limits.timeoutRequest * 1000,
    maxHeaderSize: limits.maxHeaderSize,
  });
  const connections = new Connections(server);
  server.on("request", createListener(app, options, connections));
  const sockets = createWebSocketHandler(app, limits);
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
    connections.onUpgrade(socket);
    if ((req.headers.upgrade ?? "").toLowerCase() !== "websocket") {
      socket.end("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    let request: Request;
    try {
      request = toRequest(req, options, "ws");
    } catch (error) {
      if (!(error instanceof InvalidRequest)) throw error;
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(error.message)}\r\nconnection: close\r\n\r\n${error.message}`);
      return;
    }
    sockets.onUpgrade(req, socket, head, request);
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
      let closing: Promise<void> | undefined;
      resolve({
        server, url, port,
        close: () => (closing ??= (async () => {
          sockets.closeAll();
          await shutDown(server, connections, limits.timeoutGracefulShutdown * 1000);
          if (lifespan) await app.shutdown();
        })()),
      });
    });
  });
}

/** The options that are set (an explicit `undefined` keeps the default). */
function definedOnly(options: ServerLimits): ServerLimits {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined && k in defaultServerLimits) out[k] = v;
  return out as ServerLimits;
}
