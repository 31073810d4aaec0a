import { setServerErrorReporter } from "./dependencies/teardown.ts";
import { takeBackground } from "./background.ts";
import { HTTPException, RequestValidationError } from "./exceptions.ts";
import { httpExceptionHandler, requestValidationExceptionHandler, type ExceptionHandler } from "./handlers.ts";
import type { DependencyOverrides } from "./dependencies/dependant.ts";
import { getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "./openapi/docs.ts";
import { getOpenAPI, type Contact, type License, type OpenAPIObject, type Server, type TagMetadata } from "./openapi/generate.ts";
import { BodyTooLarge, Request, type Address } from "./request.ts";
import { HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response } from "./responses.ts";
import { LinearRouter, type Router } from "./router.ts";
import { APIRouter, type RouterOptions } from "./routing/apirouter.ts";
import { APIRoute } from "./routing/route.ts";
import type { Handler, OperationOptions } from "./routing/operation.ts";
import type { ParamsDeclaration } from "./params/markers.ts";
import { LifespanRunner, type EventHandler, type Lifespan, type LifespanState } from "./lifespan.ts";
import type { CallNext, Dispatch, MiddlewareClass, MiddlewareFunction } from "./middleware/base.ts";
import { appRootPath, Mount, type DispatchOptions, type Mountable } from "./mount.ts";
import type { WebSocketRoute } from "./websockets/route.ts";
import type { WebSocketTransport } from "./websockets/transport.ts";
import { WebSocket } from "./websockets/websocket.ts";

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

/** A class of errors (`HTTPException`, `RequestValidationError`, your own…). */
export type ErrorClass<E = unknown> = abstract new (...args: never[]) => E;

/** A middleware class with its options (`middleware: [[CORSMiddleware, { allowOrigins: ["*"] }]]`). */
export type MiddlewareEntry = readonly [cls: MiddlewareClass<never>, options?: unknown];

export type { DispatchOptions };

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
  readonly #handlers = new Map<ErrorClass | number, ExceptionHandler<never>>();
  #table: Router<(request: Request) => Promise<Response>> | null = null;
  #wsTable: Router<WebSocketRoute> | null = null;
  readonly #mounts: Mount[] = [];
  readonly #middleware: { kind: "class"; cls: MiddlewareClass<never>; options: unknown }[] = [];
  #stack: Dispatch | null = null;
  readonly #lifespan: LifespanRunner<FastAPI>;
  readonly #strict: boolean;
  readonly #maxBody: number;

  constructor(options: FastAPIOptions = {}) {
    super({ dependencies: options.dependencies, tags: options.tags, responses: options.responses, responseClass: options.responseClass,
      deprecated: options.deprecated, includeInSchema: options.includeInSchema, generateUniqueIdFunction: options.generateUniqueIdFunction,
      routeClass: options.routeClass, callbacks: options.callbacks });
    this.settings = options;
    this.#strict = options.strictContentType !== false;
    this.#maxBody = options.maxBodySize ?? 16 * 1024 * 1024;
    this.webhooks = options.webhooks ?? new APIRouter();
    this.servers = [...(options.servers ?? [])];
    this.#lifespan = new LifespanRunner<FastAPI>(options.lifespan, options.onStartup, options.onShutdown);
    for (const [k, h] of options.exceptionHandlers ?? []) this.#handlers.set(k, h);
    for (const [cls, opts] of [...(options.middleware ?? [])].reverse()) this.addMiddleware(cls, opts as never);
    this.#setupDocs();
  }

  protected override addRoute(route: APIRoute): void {
    super.addRoute(route);
    this.#table = null;
    this.openapiSchema = null;
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
    this.#middleware.unshift({ kind: "class", cls: functionMiddleware(fn) as MiddlewareClass<never>, options: undefined });
    this.#stack = null;
    return fn;
  }

  /**
   * Adds a middleware class with its options (Starlette's `add_middleware`): added last, runs first, around the
   * exception handlers; unhandled errors reach it as they propagate to the server error handler.
   */
  addMiddleware<O>(cls: MiddlewareClass<O>, ...options: {} extends O ? [options?: O] : [options: O]): void {
    this.#middleware.unshift({ kind: "class", cls: cls as MiddlewareClass<never>, options: options[0] });
    this.#stack = null;
  }

  /** Adds a startup or shutdown handler (the older events API). */
  onEvent(event: "startup" | "shutdown", handler: EventHandler): void {
    (event === "startup" ? this.#lifespan.onStartup : this.#lifespan.onShutdown).push(handler);
  }

  /** Runs the lifespan up to its `yield` (or the startup handlers). The TestClient and `serve` call it. */
  startup(): Promise<void> {
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

  #setupDocs(): void {
    const o = this.settings;
    const openapiUrl = o.openapiUrl === undefined ? "/openapi.json" : o.openapiUrl;
    if (!openapiUrl) return;
    const assetsUrl = o.docsAssetsUrl ?? "/_fastapi-ts/assets";
    const rootOf = (request: Request): string => request.rootPath.replace(/\/$/, "");
    // Assets are served by the adapter at the top of the server: prefix them with the root before any mount.
    const assetsOf = (request: Request): string => (assetsUrl.startsWith("/") ? appRootOf(request) + assetsUrl : assetsUrl);
    const title = o.title ?? "FastAPI";
    const hidden = { includeInSchema: false, name: "openapi" } as const;
    // The docs are plain routes, as in FastAPI (Starlette `Route`s): the app's `dependencies`, `responses`, `tags`
    // and `routeClass` are for path operations, so a global dependency (a required header, say) does not guard them.
    const addDocsRoute = (path: string, handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration>): void => {
      this.addRoute(new APIRoute(path, ["GET"], handler, options));
    };
    addDocsRoute(openapiUrl, (({ request }: { request: Request }) => {
      const root = rootOf(request);
      if (root && o.rootPathInServers !== false && !this.servers.some((s) => s.url === root)) {
        this.servers.unshift({ url: root });
        this.openapiSchema = null;
      }
      return new JSONResponse(this.openapi());
    }) as never, { ...hidden, params: { request: Request } });
    const docsUrl = o.docsUrl === undefined ? "/docs" : o.docsUrl;
    const redirect = o.swaggerUiOauth2RedirectUrl === undefined ? "/docs/oauth2-redirect" : o.swaggerUiOauth2RedirectUrl;
    if (docsUrl) {
      addDocsRoute(docsUrl, (({ request }: { request: Request }) => new HTMLResponse(getSwaggerUiHtml({
        openapiUrl: rootOf(request) + openapiUrl, title: `${title} - Swagger UI`, assetsUrl: assetsOf(request),
        oauth2RedirectUrl: redirect ? rootOf(request) + redirect : null, swaggerUiParameters: o.swaggerUiParameters, initOauth: o.swaggerUiInitOauth,
      }))) as never, { ...hidden, name: "swagger_ui_html", params: { request: Request } });
      if (redirect) addDocsRoute(redirect, () => new HTMLResponse(getSwaggerUiOauth2RedirectHtml()), { ...hidden, name: "swagger_ui_redirect" });
    }
    const redocUrl = o.redocUrl === undefined ? "/redoc" : o.redocUrl;
    if (redocUrl) {
      addDocsRoute(redocUrl, (({ request }: { request: Request }) => new HTMLResponse(getRedocHtml({
        openapiUrl: rootOf(request) + openapiUrl, title: `${title} - ReDoc`, assetsUrl: assetsOf(request),
      }))) as never, { ...hidden, name: "redoc_html", params: { request: Request } });
    }
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
    request.maxBodySize = this.#maxBody;
    this.#enter(request);
    if (options.onServerError) setServerErrorReporter(request, options.onServerError);
    if (options.onServerError) dispatchOptions.set(request, options);
    const stack = (this.#stack ??= this.#buildStack());
    let response: Response;
    try {
      response = await stack(request);
    } catch (error) {
      response = await this.#serverError(request, error, options);
    }
    const queued = takeBackground(request);
    if (queued) {
      const own = response.background;
      if (own && own !== queued) queued.addTask(() => own.run());
      response.background = queued;
    }
    return response;
  }

  #enter(request: Request): void {
    request.app = this;
    if (this.settings.rootPath) request.rootPath = this.settings.rootPath;
    const state = this.#lifespan.state;
    for (const k in state) request.state[k] = state[k];
  }

  /** Starlette's stack: server errors ← user middleware (last added outermost) ← exception handlers ← router. */
  #buildStack(): Dispatch {
    let app: Dispatch = (request) => this.#handleExceptions(request, dispatchOptions.get(request) ?? {});
    for (let i = this.#middleware.length - 1; i >= 0; i--) {
      const m = this.#middleware[i]!;
      const instance = new m.cls(app, m.options as never);
      app = (request) => instance.handle(request);
    }
    return app;
  }

  async #handleExceptions(request: Request, options: DispatchOptions): Promise<Response> {
    try {
      const response = await this.#route(request, options);
      const prepare = (response as { prepare?: (r: Request) => Promise<Response> }).prepare;
      return prepare ? await prepare.call(response, request) : response;
    } catch (error) {
      return this.#handleError(request, error);
    }
  }

  /** The path to route by: what a mount left, else the URL path without the `rootPath`, percent-decoded. */
  #paths(request: Request): { raw: string; decoded: string } {
    let raw = request.routePath;
    request.routePath = undefined;
    if (raw === undefined) {
      raw = request.rawPath;
      const root = request.rootPath.replace(/\/$/, "");
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

  async #route(request: Request, options: DispatchOptions): Promise<Response> {
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
      const alt = path.endsWith("/") ? path.slice(0, -1) : `${path}/`;
      if (table.match(request.method, alt)) {
        const url = new URL(request.url);
        url.pathname = request.rootPath.replace(/\/$/, "") + alt;
        return new RedirectResponse(url.href);
      }
    }
    if (found) throw new HTTPException(405, { headers: { allow: found.allowed.join(", ") } });
    throw new HTTPException(404);
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
    for (const r of this.websocketRoutes) table.add(["GET"], r.path, r);
    return table;
  }

  #buildTable(): Router<(request: Request) => Promise<Response>> {
    const table = new LinearRouter<(request: Request) => Promise<Response>>();
    const runtime = { strictContentType: this.#strict, overrides: this.dependencyOverrides };
    for (const r of this.routes) {
      r.runtime = runtime;
      table.add(r.methods, r.path, r.getRouteHandler());
    }
    return table;
  }

  #lookup(error: unknown): ExceptionHandler<never> | undefined {
    if (error instanceof HTTPException) {
      const byStatus = this.#handlers.get(error.statusCode);
      if (byStatus) return byStatus;
    }
    if (error !== null && typeof error === "object") {
      for (let proto = Object.getPrototypeOf(error); proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
        const h = this.#handlers.get(proto.constructor as ErrorClass);
        if (h) return h;
      }
    }
    return undefined;
  }

  /** Starlette's ExceptionMiddleware: registered handlers and the HTTP defaults; anything else propagates. */
  async #handleError(request: Request, error: unknown): Promise<Response> {
    if (error instanceof BodyTooLarge) error = new HTTPException(413);
    const handler = this.#lookup(error);
    if (handler) {
      try {
        return await handler(request, error as never);
      } catch (inner) {
        if (inner !== error) return this.#handleError(request, inner);
        throw inner;
      }
    }
    if (error instanceof HTTPException) return httpExceptionHandler(request, error);
    if (error instanceof RequestValidationError) return requestValidationExceptionHandler(request, error);
    throw error;
  }

  /** Starlette's ServerErrorMiddleware: the `500`/`Error` handler, else a plain 500. */
  async #serverError(request: Request, error: unknown, options: DispatchOptions): Promise<Response> {
    const serverHandler = this.#handlers.get(500) ?? this.#handlers.get(Error);
    options.onServerError?.(error);
    if (serverHandler) {
      try {
        return await serverHandler(request, error as never);
      } catch { /* fall through to the plain 500 */ }
    }
    if (!options.onServerError) console.error(error);
    return new PlainTextResponse("Internal Server Error", { status: 500 });
  }
}

/** A function middleware as a middleware class. */
function functionMiddleware(fn: MiddlewareFunction): MiddlewareClass<undefined> {
  return class FunctionMiddleware {
    readonly #next: CallNext;
    constructor(app: Dispatch) {
      this.#next = app;
    }
    async handle(request: Request): Promise<Response> {
      return fn(request, this.#next);
    }
  };
}

/** Per-request dispatch options (for mounted apps), kept off the request object. */
const dispatchOptions = new WeakMap<Request, DispatchOptions>();

/** The root path before any mount (the proxy's or the app's), from which the adapter serves the docs assets. */
function appRootOf(request: Request): string {
  return (appRootPath(request) ?? request.rootPath).replace(/\/$/, "");
}

export type { Address };
