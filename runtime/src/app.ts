import { setServerErrorReporter } from "./dependencies/teardown.ts";
import type { FrontendRoute } from "./frontend.ts";
import { HTTPException } from "./exceptions.ts";
import { defaultFormLimits, type FormLimits } from "./forms/limits.ts";
import { ExceptionHandlers, type ErrorClass, type ExceptionHandler } from "./handlers.ts";
import type { DependencyOverrides } from "./dependencies/dependant.ts";
import { getOpenAPI, type Contact, type License, type OpenAPIObject, type Server, type TagMetadata } from "./openapi/generate.ts";
import { docsRoutes } from "./openapi/routes.ts";
import { Request, type Address } from "./request.ts";
import { RedirectResponse, Response } from "./responses.ts";
import { LinearRouter, type Router } from "./router.ts";
import { APIRouter, type RouterOptions } from "./routing/apirouter.ts";
import { routeHandler, type APIRoute, type RouteHandler } from "./routing/route.ts";
import { LifespanRunner, type EventHandler, type Lifespan, type LifespanState } from "./lifespan.ts";
import type { Dispatch, MiddlewareClass, MiddlewareFunction } from "./middleware/base.ts";
import { MiddlewareStack, type MiddlewareEntry } from "./middleware/stack.ts";
import { Mount, type DispatchOptions, type Mountable } from "./mount.ts";
import type { WebSocketRoute } from "./websockets/route.ts";
import type { WebSocketTransport } from "./websockets/transport.ts";
import { WebSocket } from "./websockets/websocket.ts";

/** Set in the class's static block (it reads a private method). */
let dispatchNow: (app: FastAPI, request: Request, sink: AnswerSink) => void;

/** Options of {@link FastAPI}. */
export interface FastAPIOptions extends Omit<RouterOptions, "prefix"> {
  /** API title (default `"FastAPI"`). */
  title?: string;
  /** Short summary. */
  summary?: string;
  /** Description (Markdown). */
  description?: string;
  /** API version (default `"0.1.0"`). */
  version?: string;
  /** OpenAPI version string (default `"3.1.0"`). */
  openapiVersion?: string;
  /** Where the OpenAPI JSON is served (default `/openapi.json`); `null` disables it and the docs. */
  openapiUrl?: string | null;
  /** Swagger UI page (default `/docs`); `null` disables it. */
  docsUrl?: string | null;
  /** ReDoc page (default `/redoc`); `null` disables it. */
  redocUrl?: string | null;
  /** Swagger UI's OAuth2 redirect page (default `/docs/oauth2-redirect`). */
  swaggerUiOauth2RedirectUrl?: string | null;
  /** Swagger UI `initOAuth` arguments. */
  swaggerUiInitOauth?: Record<string, unknown>;
  /** Extra Swagger UI configuration (e.g. `{ syntaxHighlight: false }`). */
  swaggerUiParameters?: Record<string, unknown>;
  /**
   * Base URL of the Swagger UI / ReDoc assets (`swagger-ui-bundle.js`, `swagger-ui.css`, `redoc.standalone.js`).
   * Default `/_fastapi-ts/assets`, served by the Node adapter from the installed packages.
   */
  docsAssetsUrl?: string;
  termsOfService?: string;
  contact?: Contact;
  license?: License;
  servers?: Server[];
  /** Tag metadata (descriptions, external docs) in display order. */
  openapiTags?: TagMetadata[];
  /** Top-level `externalDocs`. */
  openapiExternalDocs?: { url: string; description?: string };
  /** Emit `Model-Input`/`Model-Output` when a model's two directions differ (default `true`). */
  separateInputOutputSchemas?: boolean;
  /** Redirect (307) a path with a missing or extra trailing slash to the declared one (default `true`). */
  redirectSlashes?: boolean;
  /** A JSON body must be sent with a JSON content type (default `true`, as FastAPI ≥0.132). */
  strictContentType?: boolean;
  /** Largest accepted body in bytes; larger ones get 413 (default 16 MiB). */
  maxBodySize?: number;
  /** Most fields in one form; more get 400 (default 1000, as Starlette). */
  maxFields?: number;
  /** Most files in one multipart form; more get 400 (default 1000, as Starlette). */
  maxFiles?: number;
  /** Largest non-file part of a multipart form in bytes; larger get 400 (default 1 MiB, as Starlette). */
  maxPartSize?: number;
  /** Largest header block of a multipart part in bytes; larger get 400 (default 16 KiB). */
  maxPartHeaderSize?: number;
  /** Uploaded files larger than this (bytes) go to a temporary file on Node (default 1 MiB, as Starlette). */
  spoolMaxSize?: number;
  /** Prefix the app is served under behind a proxy (FastAPI's `root_path`); sets every request's `rootPath`. */
  rootPath?: string;
  /** Add a server with the request's `rootPath` at the start of OpenAPI `servers` (default `true`). */
  rootPathInServers?: boolean;
  /** The lifespan: an async generator function run by `app.startup()` / `app.shutdown()` (TestClient, `serve`). */
  lifespan?: Lifespan<FastAPI>;
  /** Startup handlers (the older events API; ignored when `lifespan` is given). */
  onStartup?: EventHandler[];
  /** Shutdown handlers (the older events API; ignored when `lifespan` is given). */
  onShutdown?: EventHandler[];
  /** Middleware classes with their options, outermost first (as `addMiddleware` calls in reverse). */
  middleware?: readonly MiddlewareEntry[];
  /** Routes of `app.webhooks` are documented under `webhooks` (default: a new router). */
  webhooks?: APIRouter;
  /** Exception handlers by class or status code. */
  exceptionHandlers?: Iterable<[ErrorClass | number, ExceptionHandler<never>]>;
}

export type { DispatchOptions, ErrorClass, MiddlewareEntry };

/**
 * The application: declare path operations on it (`app.get(...)`), then serve it with `app.fetch`
 * (any Web-standard server), `serve(app)` on Node, or test it with `new TestClient(app)`.
 *
 * @example
 * ```ts
 * export const app = new FastAPI();
 * app.get("/", async function root() { return { message: "Hello World" }; });
 * ```
 */
export class FastAPI extends APIRouter {
  /** The options the app was created with. */
  readonly settings: Readonly<FastAPIOptions>;
  /**
   * Replacements of dependencies, anywhere in the graph: `app.dependencyOverrides.set(getDb, fakeDb)`;
   * `clear()` to restore. Picked up on the next request.
   */
  readonly dependencyOverrides: DependencyOverrides = new Map();
  /** The cached OpenAPI document (set it to replace the generated one). */
  openapiSchema: OpenAPIObject | null = null;
  /** Free app-wide storage (Starlette's `app.state`). */
  readonly state: Record<string, unknown> = {};
  /** Webhooks your API may send, documented under OpenAPI `webhooks`: `app.webhooks.post("new-subscription", ...)`. */
  readonly webhooks: APIRouter;
  /** OpenAPI `servers` (FastAPI adds one for the request's `rootPath` at the start). */
  readonly servers: Server[];
  readonly #handlers = new ExceptionHandlers();
  #table: Router<RouteHandler> | null = null;
  #frontends: FrontendRoute[] | null = null;
  #wsTable: Router<WebSocketRoute> | null = null;
  readonly #mounts: Mount[] = [];
  readonly #middleware = new MiddlewareStack();
  #stack: Dispatch | null = null;
  readonly #lifespan: LifespanRunner<FastAPI>;
  readonly #strict: boolean;
  readonly #maxBody: number;
  readonly #formLimits: FormLimits;

  constructor(options: FastAPIOptions = {}) {
    super({ dependencies: options.dependencies, tags: options.tags, responses: options.responses, responseClass: options.responseClass,
      deprecated: options.deprecated, includeInSchema: options.includeInSchema, generateUniqueIdFunction: options.generateUniqueIdFunction,
      routeClass: options.routeClass, callbacks: options.callbacks });
    this.settings = options;
    // `fetch` is handed around unbound (`Bun.serve({ fetch: app.fetch })`, `Deno.serve(app.fetch)`).
    this.fetch = this.fetch.bind(this);
    this.#strict = options.strictContentType !== false;
    this.#maxBody = options.maxBodySize ?? 16 * 1024 * 1024;
    this.#formLimits = {
      maxFields: options.maxFields ?? defaultFormLimits.maxFields,
      maxFiles: options.maxFiles ?? defaultFormLimits.maxFiles,
      maxPartSize: options.maxPartSize ?? defaultFormLimits.maxPartSize,
      maxPartHeaderSize: options.maxPartHeaderSize ?? defaultFormLimits.maxPartHeaderSize,
      spoolMaxSize: options.spoolMaxSize ?? defaultFormLimits.spoolMaxSize,
    };
    this.webhooks = options.webhooks ?? new APIRouter();
    this.servers = [...(options.servers ?? [])];
    this.#lifespan = new LifespanRunner<FastAPI>(options.lifespan, options.onStartup, options.onShutdown);
    for (const [k, h] of options.exceptionHandlers ?? []) this.#handlers.set(k, h);
    for (const [cls, opts] of [...(options.middleware ?? [])].reverse()) this.addMiddleware(cls, opts as never);
    for (const route of docsRoutes(this, options)) this.addRoute(route);
  }

  protected override addRoute(route: APIRoute): void {
    super.addRoute(route);
    this.#table = null;
    this.openapiSchema = null;
  }

  protected override addFrontendRoute(route: FrontendRoute): void {
    super.addFrontendRoute(route);
    this.#frontends = null;
  }

  protected override addWebSocketRoute(route: WebSocketRoute): void {
    super.addWebSocketRoute(route);
    this.#wsTable = null;
  }

  /**
   * Mounts another app under `path` (Starlette's `mount`): a fastapi-ts app (its docs work under the mount
   * path), `StaticFiles`, or any fetch-style app (`{ fetch(request) }`, e.g. Hono). `name` is used by `urlFor`.
   */
  mount(path: string, app: Mountable, options: { name?: string } = {}): void {
    this.#mounts.push(new Mount(path === "/" ? "" : path, app, options.name));
  }

  /** Mounted apps, in mount order. */
  get mounts(): readonly Mount[] {
    return this.#mounts;
  }

  /**
   * Adds a function middleware (FastAPI's `@app.middleware("http")`): it receives every request and `callNext`
   * to run the rest of the app. Added last, runs first.
   */
  middleware(type: "http", fn: MiddlewareFunction): MiddlewareFunction {
    if (type !== "http") throw new Error('Only "http" middleware is supported');
    this.#middleware.addFunction(fn);
    this.#stack = null;
    return fn;
  }

  /**
   * Adds a middleware class with its options (Starlette's `add_middleware`): added last, runs first, around the
   * exception handlers; unhandled errors reach it as they propagate to the server error handler.
   */
  addMiddleware<O>(cls: MiddlewareClass<O>, ...options: {} extends O ? [options?: O] : [options: O]): void {
    this.#middleware.add(cls as MiddlewareClass<never>, options[0]);
    this.#stack = null;
  }

  /**
   * Adds a startup or shutdown handler (the older events API).
   *
   * @deprecated As FastAPI's `on_event`: pass a `lifespan` to `new FastAPI({ lifespan })` instead. The handlers still
   * run, unless the app has a lifespan.
   */
  onEvent(event: "startup" | "shutdown", handler: EventHandler): void {
    (event === "startup" ? this.#lifespan.onStartup : this.#lifespan.onShutdown).push(handler);
  }

  /** Runs the lifespan up to its `yield` (or the startup handlers). The TestClient and `serve` call it. */
  async startup(): Promise<void> {
    // A frontend's missing directory fails the start, as early as the app can know it (file checks are async).
    await Promise.all(this.frontendRoutes.map((r) => r.frontend.ready()));
    return this.#lifespan.start(this);
  }

  /** Runs the lifespan after its `yield` (or the shutdown handlers). */
  shutdown(): Promise<void> {
    return this.#lifespan.stop();
  }

  /** The state the lifespan yielded (copied into each request's `state`). */
  get lifespanState(): LifespanState {
    return this.#lifespan.state;
  }

  /**
   * The URL path of a named route, websocket route or mount (Starlette's `url_path_for`):
   * `urlPathFor("read_item", { item_id: 3 })`, `urlPathFor("static", { path: "/styles.css" })`,
   * `urlPathFor("subapi:read_sub")` for a route of a mounted app.
   */
  urlPathFor(name: string, params: Record<string, string | number> = {}): string {
    const fill = (path: string): string | null => {
      let missing = false;
      const out = path.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z_]+))?\}/g, (_m, key: string, conv?: string) => {
        if (!(key in params)) {
          missing = true;
          return "";
        }
        const v = String(params[key]);
        return conv === "path" ? encodeURI(v) : encodeURIComponent(v);
      });
      return missing ? null : out;
    };
    for (const r of [...this.routes, ...this.websocketRoutes]) {
      if (r.name !== name) continue;
      const p = fill(r.path);
      if (p !== null) return p;
    }
    for (const m of this.#mounts) {
      if (m.name === name && "path" in params) return m.path + encodeURI(String(params.path).replace(/^(?!\/)/, "/"));
      if (m.name && name.startsWith(`${m.name}:`) && "urlPathFor" in m.app) {
        return m.path + (m.app as FastAPI).urlPathFor(name.slice(m.name.length + 1), params);
      }
    }
    throw new Error(`No route exists for name "${name}" and params "${Object.keys(params).join(", ")}".`);
  }

  /** Where the app serves its OpenAPI document (`/openapi.json` unless configured), or null when it does not. */
  get openapiUrl(): string | null {
    const url = this.settings.openapiUrl;
    return url === undefined ? "/openapi.json" : url || null;
  }

  /** The OpenAPI 3.1 document (built once, then cached in {@link FastAPI.openapiSchema}). */
  openapi(): OpenAPIObject {
    if (this.openapiSchema) return this.openapiSchema;
    const o = this.settings;
    this.openapiSchema = getOpenAPI({
      title: o.title ?? "FastAPI", version: o.version ?? "0.1.0", openapiVersion: o.openapiVersion, summary: o.summary,
      description: o.description, termsOfService: o.termsOfService, contact: o.contact, license: o.license,
      servers: this.servers, tags: o.openapiTags, webhooks: this.webhooks.routes,
      externalDocs: o.openapiExternalDocs, routes: this.routes, separateInputOutputSchemas: o.separateInputOutputSchemas,
    });
    return this.openapiSchema;
  }

  /** Registers a handler for an error class (matched along its prototype chain) or an HTTP status code. */
  exceptionHandler<E>(key: ErrorClass<E> | number, handler: ExceptionHandler<E>): void {
    this.#handlers.set(key as ErrorClass | number, handler as ExceptionHandler<never>);
  }

  /** The Web-standard entry point: answers one request. Background tasks run once the body has been sent. */
  async fetch(request: globalThis.Request): Promise<globalThis.Response> {
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") return webSocketsNotServed();
    const response = await this.dispatch(Request.fromWeb(request));
    const background = response.background;
    if (!background) return response.toWeb(request.method === "HEAD");
    response.background = null;
    const body = response.body;
    if (body instanceof ReadableStream && request.method !== "HEAD") {
      // Run the tasks when the body has been read to its end (or abandoned).
      const done = (): void => void background.run();
      response.body = body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: done }));
      const web = response.toWeb(false);
      return web;
    }
    setTimeout(() => void background.run(), 0);
    return response.toWeb(request.method === "HEAD");
  }

  /**
   * Answers one {@link Request} with a {@link Response} (adapters use it to avoid Web `Response` objects).
   * Queued background tasks are in `response.background`: the caller runs them once the response is sent.
   */
  async dispatch(request: Request, options: DispatchOptions = {}): Promise<Response> {
    return this.#dispatch(request, options);
  }

  static {
    dispatchNow = (app, request, sink) => app.#dispatchTo(request, sink);
  }

  /**
   * {@link FastAPI.dispatch} for an adapter, the answer handed to `sink`: at once when nothing on the way was
   * asynchronous. Perf: without user middleware, the route's promise is continued once, straight to the adapter,
   * with the exception handling and the server-error layer inside that one continuation (three promises and
   * microtask turns fewer per request than layered `then`s).
   */
  #dispatchTo(request: Request, sink: AnswerSink): void {
    if (!this.#middleware.empty) return deliver(this.#dispatch(request, noOptions), sink, this.#handlers, request);
    request.maxBodySize = this.#maxBody;
    request.formLimits = this.#formLimits;
    this.#enter(request);
    let routed: Response | Promise<Response>;
    try {
      routed = this.#route(request, noOptions);
    } catch (error) {
      return this.#handled(request, error, sink);
    }
    if (routed instanceof Promise) {
      routed.then((r) => this.#preparedTo(r, request, sink), (error: unknown) => this.#handled(request, error, sink));
    } else {
      this.#preparedTo(routed, request, sink);
    }
  }

  /** {@link FastAPI.#prepared} for {@link FastAPI.#dispatchTo}: a failure past the exception handlers is a server error. */
  #preparedTo(response: Response, request: Request, sink: AnswerSink): void {
    let answered: Response | Promise<Response>;
    try {
      answered = this.#prepared(response, request);
    } catch (error) {
      answered = this.#handlers.serverError(request, error);
    }
    deliver(answered, sink, this.#handlers, request);
  }

  /** An error of the route, through the exception handlers, for {@link FastAPI.#dispatchTo}. */
  #handled(request: Request, error: unknown, sink: AnswerSink): void {
    let answered: Response | Promise<Response>;
    try {
      answered = this.#handlers.handle(request, error);
    } catch (failure) {
      answered = this.#handlers.serverError(request, failure);
    }
    deliver(answered, sink, this.#handlers, request);
  }

  /**
   * {@link FastAPI.dispatch}, returning the response itself when nothing on the way was asynchronous. Perf: each
   * layer (server errors, exception handling, the route) continues a promise only when it got one, instead of
   * being an `async` function that wraps every answer in one more promise and microtask turn.
   */
  #dispatch(request: Request, options: DispatchOptions): Response | Promise<Response> {
    request.maxBodySize = this.#maxBody;
    request.formLimits = this.#formLimits;
    this.#enter(request);
    if (options.onServerError) {
      setServerErrorReporter(request, options.onServerError);
      dispatchOptions.set(request, options);
    }
    // Starlette's stack: server errors (below) ← user middleware (last added outermost) ← exception handlers ← router.
    // Perf: without user middleware, straight to the exception handling (no layer, no lookup of the options).
    let answered: Response | Promise<Response>;
    try {
      if (this.#middleware.empty) answered = this.#handleExceptions(request, options);
      else answered = (this.#stack ??= this.#middleware.build(async (r) => this.#handleExceptions(r, dispatchOptions.get(r) ?? {})))(request);
    } catch (error) {
      return this.#handlers.serverError(request, error, options.onServerError);
    }
    // The background tasks an operation queued are on its response (routing/route.ts), as FastAPI attaches them:
    // an error's response runs none.
    if (answered instanceof Promise) {
      return answered.catch((error: unknown) => this.#handlers.serverError(request, error, options.onServerError));
    }
    return answered;
  }

  #enter(request: Request): void {
    request.app = this;
    if (this.settings.rootPath) request.rootPath = this.settings.rootPath;
    const state = this.#lifespan.state;
    for (const k in state) request.state[k] = state[k];
  }

  #handleExceptions(request: Request, options: DispatchOptions): Response | Promise<Response> {
    let routed: Response | Promise<Response>;
    try {
      // Perf: `#route` is synchronous up to the route handler's promise, which is continued here only.
      routed = this.#route(request, options);
      if (!(routed instanceof Promise)) return this.#prepared(routed, request);
    } catch (error) {
      return this.#handlers.handle(request, error);
    }
    // Perf: one continuation for the answer and the failure (a `then` and a `catch` cost a microtask turn more).
    return routed.then((r) => this.#prepared(r, request), (error: unknown) => this.#handlers.handle(request, error));
  }

  /** The response, `prepare`d when it has a `prepare` step; a failure of that step goes to the exception handlers. */
  #prepared(response: Response, request: Request): Response | Promise<Response> {
    let answered: Response | Promise<Response>;
    try {
      answered = prepared(response, request);
    } catch (error) {
      return this.#handlers.handle(request, error);
    }
    return answered instanceof Promise ? answered.catch((error: unknown) => this.#handlers.handle(request, error)) : answered;
  }

  /** The path to route by: what a mount left, else the URL path without the `rootPath`, percent-decoded. */
  #paths(request: Request): { raw: string; decoded: string } {
    let raw = request.routePath;
    request.routePath = undefined;
    if (raw === undefined) {
      raw = request.rawPath;
      // Perf: no regular expression for the usual empty root path.
      const root = request.rootPath === "" ? "" : request.rootPath.replace(/\/$/, "");
      if (root && (raw === root || raw.startsWith(`${root}/`))) raw = raw.slice(root.length) || "/";
    }
    let decoded = raw;
    if (raw.includes("%")) {
      try {
        decoded = decodeURIComponent(raw);
      } catch { /* keep the raw path */ }
    }
    return { raw, decoded };
  }

  #route(request: Request, options: DispatchOptions): Response | Promise<Response> {
    const table = (this.#table ??= this.#buildTable());
    const { raw, decoded: path } = this.#paths(request);
    const found = table.match(request.method, path);
    if (found && "handler" in found) {
      request.pathParams = found.params;
      return found.handler(request);
    }
    for (const m of this.#mounts) {
      const rest = m.match(raw, path);
      if (rest !== null) return m.handle(request, rest, options);
    }
    if (!found && this.settings.redirectSlashes !== false && path !== "/") {
      // Every trailing slash goes, as Starlette's `rstrip("/")`: `/items//` is not redirected to `/items/`.
      const alt = path.endsWith("/") ? path.replace(/\/+$/, "") : `${path}/`;
      const rawAlt = raw.endsWith("/") ? raw.replace(/\/+$/, "") : `${raw}/`;
      // A mount counts as a route here, as in Starlette's router: `/static` is redirected to its mount's `/static/`.
      if (table.match(request.method, alt) || this.#mounts.some((m) => m.match(rawAlt, alt) !== null)) {
        const url = new URL(request.url);
        url.pathname = request.rootPath.replace(/\/$/, "") + alt;
        return new RedirectResponse(url.href);
      }
    }
    if (found) throw new HTTPException(405, { headers: { allow: found.allowed.join(", ") } });
    // Last: a frontend whose prefix holds the path (the longest prefix first).
    for (const frontend of (this.#frontends ??= this.#buildFrontends())) {
      const rest = frontend.matchPrefix(path);
      if (rest !== null) return frontend.answer(request, rest);
    }
    throw new HTTPException(404);
  }

  #buildFrontends(): FrontendRoute[] {
    const runtime = { strictContentType: this.#strict, overrides: this.dependencyOverrides };
    for (const r of this.frontendRoutes) r.runtime = runtime;
    return [...this.frontendRoutes].sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /**
   * Handles a websocket handshake: routes it to a websocket endpoint (or a mounted app), solves its declared
   * parameters, runs it over `transport`. No match closes the handshake (HTTP 403), as Starlette does.
   */
  async handleWebSocket(request: Request, transport: WebSocketTransport, options: DispatchOptions = {}): Promise<void> {
    this.#enter(request);
    const table = (this.#wsTable ??= this.#buildWsTable());
    const { raw, decoded: path } = this.#paths(request);
    const found = table.match("GET", path);
    if (found && "handler" in found) {
      request.pathParams = found.params;
      await found.handler.handle(request, transport, { overrides: this.dependencyOverrides, onError: options.onServerError });
      return;
    }
    for (const m of this.#mounts) {
      const rest = m.match(raw, path);
      if (rest !== null && (await m.handleWebSocket(request, rest, transport, options))) return;
    }
    await new WebSocket(request, transport).close(1000);
  }

  #buildWsTable(): Router<WebSocketRoute> {
    const table = new LinearRouter<WebSocketRoute>();
    for (const r of this.websocketRoutes) table.add(["GET"], r.path, r, r.compiled);
    return table;
  }

  #buildTable(): Router<RouteHandler> {
    const table = new LinearRouter<RouteHandler>();
    const runtime = { strictContentType: this.#strict, overrides: this.dependencyOverrides };
    for (const r of this.routes) {
      r.runtime = runtime;
      // Perf: the route's compiled path is reused (the first request builds the table of every route), and its
      // handler answers without a promise when nothing in it is asynchronous (routing/route.ts, `routeHandler`).
      table.add(r.methods, r.path, routeHandler(r), r.compiled);
    }
    return table;
  }
}

/** Per-request dispatch options (for mounted apps), kept off the request object. */
const dispatchOptions = new WeakMap<Request, DispatchOptions>();
const noOptions: DispatchOptions = {};

/** A response ready to send (a `FileResponse` checks its file first), or the promise of one. */
function prepared(response: Response, request: Request): Response | Promise<Response> {
  const prepare = (response as { prepare?: (r: Request) => Promise<Response> }).prepare;
  return prepare ? prepare.call(response, request) : response;
}

/** @internal Where an adapter takes the answer to a request (see {@link dispatchTo}). */
export interface AnswerSink {
  /** The response to send. */
  done(response: Response): void;
  /** What not even the server-error handler could answer (the adapter answers 500 itself). */
  fail(error: unknown): void;
}

/** Hands an answer to `sink`, at once when it is ready; a later failure goes through the server-error handler. */
function deliver(answered: Response | Promise<Response>, sink: AnswerSink, handlers: ExceptionHandlers, request: Request): void {
  if (!(answered instanceof Promise)) return sink.done(answered);
  answered.then((r) => sink.done(r), (error: unknown) => handlers.serverError(request, error).then((r) => sink.done(r), (e: unknown) => sink.fail(e)));
}

/**
 * @internal For adapters: {@link FastAPI.dispatch}, its answer handed to `sink` in the same turn when it is ready
 * at once (the Node adapter writes it then), else once it is.
 */
export function dispatchTo(app: FastAPI, request: Request, sink: AnswerSink): void {
  dispatchNow(app, request, sink);
}

export type { Address };

/**
 * The answer of `app.fetch` to a WebSocket handshake. A fetch handler answers HTTP requests; websockets need a
 * host adapter (fastapi-ts/node's `serve()`, which the CLI uses), so Bun, Deno and Workers serving `app.fetch` get
 * a clear refusal instead of a 404 or a hang.
 */
function webSocketsNotServed(): globalThis.Response {
  const detail = "WebSocket endpoints are served by fastapi-ts/node (serve(app) or the fastapi-ts CLI); app.fetch answers HTTP requests only";
  return new globalThis.Response(JSON.stringify({ detail }), { status: 501, headers: { "content-type": "application/json" } });
}
