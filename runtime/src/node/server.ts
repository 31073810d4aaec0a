import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastAPI } from "../app.ts";
import { Request } from "../request.ts";
import type { Response } from "../responses.ts";
import { docsAssets, readDocsAsset } from "./assets.ts";

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
}

/** A running server. */
export interface RunningServer {
  /** The `node:http` server. */
  readonly server: Server;
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
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

function hasBody(req: IncomingMessage): boolean {
  const len = req.headers["content-length"];
  return (len !== undefined && len !== "0") || req.headers["transfer-encoding"] !== undefined;
}

/** Writes a {@link Response} to a Node response without building a Web `Response`. */
export async function writeResponse(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const flat: string[] = [];
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") flat.push(key, value);
  });
  for (const c of response.headers.getSetCookie()) flat.push("set-cookie", c);
  const body = response.body;
  const noBody = head || response.status === 204 || response.status === 304 || response.status < 200;
  if (body === null || typeof body === "string" || body instanceof Uint8Array) {
    if (body !== null && !response.headers.has("content-length")) {
      flat.push("content-length", String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength));
    } else if (body === null && !noBody && !response.headers.has("content-length")) {
      flat.push("content-length", "0");
    }
    res.writeHead(response.status, flat);
    res.end(noBody || body === null ? undefined : body);
    return;
  }
  res.writeHead(response.status, flat);
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
export function createListener(app: FastAPI, options: { serveDocsAssets?: boolean } = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const assetsBase = (app.settings.docsAssetsUrl ?? "/_fastapi-ts/assets").replace(/\/$/, "") + "/";
  const serveAssets = options.serveDocsAssets !== false && assetsBase.startsWith("/");
  return (req, res) => {
    void (async () => {
      const path = req.url ?? "/";
      if (serveAssets && path.startsWith(assetsBase) && (req.method === "GET" || req.method === "HEAD")) {
        const name = path.slice(assetsBase.length).split("?")[0]!;
        const asset = readDocsAsset(name);
        if (asset) {
          const bytes = await asset;
          res.writeHead(200, { "content-type": docsAssets[name]!.type, "content-length": bytes.byteLength, "cache-control": "public, max-age=86400" });
          res.end(req.method === "HEAD" ? undefined : bytes);
          return;
        }
      }
      const host = req.headers.host ?? "localhost";
      const request = new Request({
        method: req.method ?? "GET",
        url: `http://${host}${path}`,
        headers: toHeaders(req),
        body: hasBody(req) ? (req as AsyncIterable<Uint8Array>) : null,
        client: req.socket.remoteAddress ? { host: req.socket.remoteAddress, port: req.socket.remotePort ?? 0 } : null,
      });
      const response = await app.dispatch(request);
      await writeResponse(res, response, req.method === "HEAD");
      if (!req.complete) req.resume();
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    });
  };
}

/**
 * Serves an app on `node:http`.
 *
 * @example
 * ```ts
 * const server = await serve(app, { host: "127.0.0.1", port: 8000 });
 * // ...
 * await server.close();
 * ```
 */
export function serve(app: FastAPI, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer({ keepAliveTimeout: 5000 }, createListener(app, options));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8000, host, () => {
      server.off("error", reject);
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
            if (err) fail(err);
            else done();
          });
          server.closeIdleConnections();
        }),
      });
    });
  });
}
