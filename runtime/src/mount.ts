import type { Request } from "./request.ts";
import { Response } from "./responses.ts";
import type { WebSocketTransport } from "./websockets/transport.ts";

const appRoots = new WeakMap<Request, string>();

/** The request's root path before any mount (Starlette's `app_root_path`), or `undefined` when not mounted. */
export function appRootPath(request: Request): string | undefined {
  return appRoots.get(request);
}

function enterMount(request: Request, path: string, rest: string): void {
  if (!appRoots.has(request)) appRoots.set(request, request.rootPath);
  request.rootPath = request.rootPath.replace(/\/$/, "") + path;
  request.routePath = rest;
}

/** Options of one dispatch, used by adapters and the TestClient. */
export interface DispatchOptions {
  /** Called with an unhandled error (the response is still the 500). */
  onServerError?: (error: unknown) => void;
}

/** An app answering {@link Request}s directly (a fastapi-ts app, `StaticFiles`). */
export interface DispatchApp {
  dispatch(request: Request, options?: DispatchOptions): Promise<Response>;
  /** Handles a websocket handshake routed to it (fastapi-ts apps). */
  handleWebSocket?(request: Request, transport: WebSocketTransport, options?: DispatchOptions): Promise<void>;
}

/** Any Web-standard app: a Hono app, another framework, or a plain `{ fetch(request) { ... } }`. */
export interface FetchApp {
  fetch(request: globalThis.Request): globalThis.Response | Promise<globalThis.Response>;
}

/** What `app.mount(path, app)` accepts. */
export type Mountable = DispatchApp | FetchApp;

/**
 * A mounted app (Starlette's `Mount`): requests under `path` go to `app`, with `path` added to their `rootPath`
 * and removed from the path they are routed by. A fetch-style app sees the URL without the mount path.
 */
export class Mount {
  /** The mount path (`/static`, `/subapi`; `""` for the root). */
  readonly path: string;
  /** The mounted app. */
  readonly app: Mountable;
  /** Name used by `urlFor(name, { path })`. */
  readonly name: string | undefined;

  constructor(path: string, app: Mountable, name?: string) {
    if (path !== "" && (!path.startsWith("/") || path.endsWith("/"))) throw new Error("A mount path must start with '/' and must not end with '/'");
    this.path = path;
    this.app = app;
    this.name = name;
  }

  /**
   * The raw path left for the mounted app, or `null` when `rawPath` is not under the mount. As Starlette's `Mount`,
   * the mount path itself without its slash (`/static`) is not under it: the app's router redirects it to
   * `/static/` (`redirectSlashes`), as it does for its own routes.
   */
  match(rawPath: string, decodedPath: string): string | null {
    const p = this.path;
    if (!decodedPath.startsWith(`${p}/`)) return null;
    const encoded = encodeURI(p);
    if (rawPath === encoded || rawPath.startsWith(`${encoded}/`)) return rawPath.slice(encoded.length) || "/";
    return decodedPath.slice(p.length) || "/";
  }

  /** Answers a request whose remaining path is `rest`. */
  async handle(request: Request, rest: string, options: DispatchOptions): Promise<Response> {
    const app = this.app;
    if ("dispatch" in app) {
      enterMount(request, this.path, rest);
      return app.dispatch(request, options);
    }
    return callFetchApp(app, request, rest);
  }

  /** Routes a websocket handshake to a mounted fastapi-ts app; `false` when the app cannot take websockets. */
  async handleWebSocket(request: Request, rest: string, transport: WebSocketTransport, options: DispatchOptions): Promise<boolean> {
    const app = this.app;
    if (!("handleWebSocket" in app) || !app.handleWebSocket) return false;
    enterMount(request, this.path, rest);
    await app.handleWebSocket(request, transport, options);
    return true;
  }
}

/** Calls a fetch-style app with the request, its URL path relative to the mount. */
async function callFetchApp(app: FetchApp, request: Request, rest: string): Promise<Response> {
  const url = new URL(request.url);
  const target = new URL(rest + url.search, url.origin);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers };
  if (hasBody) {
    const it = request.stream();
    init.body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const r = await it.next();
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      },
      async cancel() {
        await it.return(undefined);
      },
    });
    init.duplex = "half";
  }
  const res = await app.fetch(new globalThis.Request(target, init));
  return new Response(nativeBody(res.body), { status: res.status, headers: res.headers });
}

/**
 * The body of a fetch app's response as this runtime's `ReadableStream`. Apps built on a fetch polyfill (GraphQL
 * Yoga on Node uses `@whatwg-node/fetch`) answer with their own stream class, which has the same reader interface.
 */
function nativeBody(body: ReadableStream<Uint8Array> | null): ReadableStream<Uint8Array> | null {
  if (body === null || body instanceof ReadableStream) return body;
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await reader.read();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
