import type { ParamsDeclaration } from "../params/markers.ts";
import { WebSocketRoute, type WebSocketHandler, type WebSocketOptions } from "../websockets/route.ts";
import type { Handler, OperationOptions, SharedOptions } from "./operation.ts";
import { APIRoute } from "./route.ts";
import { Frontend, FrontendRoute, frontendPrefix, type FrontendOptions } from "../frontend.ts";

/** A route class: {@link APIRoute} or a subclass overriding `getRouteHandler` (FastAPI's `route_class`). */
export type RouteClass = new (path: string, methods: readonly string[], handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration>) => APIRoute;

/** Options of an {@link APIRouter} (and of `includeRouter`). */
export interface RouterOptions extends SharedOptions {
  /** Path prefix of every route (`/items`). */
  prefix?: string;
  /** Class of the routes declared on the router (default {@link APIRoute}); kept when the router is included. */
  routeClass?: RouteClass;
}

/** Declares websocket endpoints: `(path, handler)` or `(path, options, handler)`; returns the handler. */
export interface WebSocketDeclarer {
  <H extends WebSocketHandler<{}>>(path: string, handler: H): H;
  <const P extends ParamsDeclaration, H extends WebSocketHandler<P> = WebSocketHandler<P>>(path: string, options: WebSocketOptions<P>, handler: H & WebSocketHandler<P>): H;
}

/** Options of `apiRoute`: an operation answering several methods. */
export interface ApiRouteOptions<P extends ParamsDeclaration> extends OperationOptions<P> {
  /** HTTP methods (default `["GET"]`). */
  methods?: string[];
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS" | "HEAD" | "TRACE";

/** Declares one method's operations: `(path, handler)` or `(path, options, handler)`; returns the handler. */
export interface OperationDeclarer {
  <H extends Handler<{}>>(path: string, handler: H): H;
  <const P extends ParamsDeclaration, H extends Handler<P> = Handler<P>>(path: string, options: OperationOptions<P>, handler: H & Handler<P>): H;
}

function mergeShared(outer: SharedOptions, inner: OperationOptions<ParamsDeclaration>): OperationOptions<ParamsDeclaration> {
  const merged: OperationOptions<ParamsDeclaration> = { ...inner };
  const tags = [...(outer.tags ?? []), ...(inner.tags ?? [])];
  if (tags.length) merged.tags = tags;
  const deps = [...(outer.dependencies ?? []), ...(inner.dependencies ?? [])];
  if (deps.length) merged.dependencies = deps;
  if (outer.responses || inner.responses) merged.responses = { ...outer.responses, ...inner.responses };
  merged.responseClass = inner.responseClass ?? outer.responseClass;
  if (outer.deprecated || inner.deprecated) merged.deprecated = true;
  if (outer.includeInSchema === false) merged.includeInSchema = false;
  merged.generateUniqueIdFunction = inner.generateUniqueIdFunction ?? outer.generateUniqueIdFunction;
  const callbacks = [...(outer.callbacks ?? []), ...(inner.callbacks ?? [])];
  if (callbacks.length) merged.callbacks = callbacks;
  return merged;
}

/**
 * A group of path operations (FastAPI's `APIRouter`), declared with `get`, `post`, … and included into an app
 * (or another router) with `includeRouter`, optionally under a prefix with shared tags and responses.
 */
export class APIRouter {
  /** The router's own options. */
  readonly routerOptions: RouterOptions;
  /** Registered routes, in declaration order. */
  readonly routes: APIRoute[] = [];
  /** Registered websocket endpoints, in declaration order. */
  readonly websocketRoutes: WebSocketRoute[] = [];
  /** Frontends served by this router (`frontend()`), tried after every other route. */
  readonly frontendRoutes: FrontendRoute[] = [];

  constructor(options: RouterOptions = {}) {
    if (options.prefix && (!options.prefix.startsWith("/") || options.prefix.endsWith("/"))) {
      throw new Error("A path prefix must start with '/' and must not end with '/'");
    }
    this.routerOptions = options;
  }

  /** Adds a route (called by every declaration method). */
  protected addRoute(route: APIRoute): void {
    this.routes.push(route);
  }

  /** Adds a frontend route (called by `frontend` and `includeRouter`). */
  protected addFrontendRoute(route: FrontendRoute): void {
    this.frontendRoutes.push(route);
  }

  /**
   * Serves a built frontend (the `dist/` folder of Vite, Astro, SvelteKit's static adapter…) under `path`, after
   * every path operation and mount: a path operation always wins. Missing paths get the `fallback`: by default the
   * directory's `404.html` (status 404) if it has one, else `index.html` for browser navigations, so client-side
   * routes like `/dashboard/settings` load the app. Not documented in OpenAPI.
   *
   * @example
   * ```ts
   * app.frontend("/", { directory: "dist" });
   * ```
   */
  frontend(path: string, options: FrontendOptions): void {
    const prefix = (this.routerOptions.prefix ?? "") + frontendPrefix(path);
    this.addFrontendRoute(new FrontendRoute(prefix, new Frontend(options), mergeShared(this.routerOptions, {})));
  }

  /** Adds a websocket route (called by `websocket` and `includeRouter`). */
  protected addWebSocketRoute(route: WebSocketRoute): void {
    this.websocketRoutes.push(route);
  }

  /** Registers an operation for several methods (with `routeClass`, default the router's). */
  addApiRoute(path: string, methods: readonly string[], handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration> = {},
    routeClass: RouteClass = this.routerOptions.routeClass ?? APIRoute): void {
    const merged = mergeShared(this.routerOptions, options);
    this.addRoute(new routeClass((this.routerOptions.prefix ?? "") + path, methods, handler, merged));
  }

  /** Registers a websocket endpoint (with the router's prefix and dependencies). */
  addApiWebSocketRoute(path: string, handler: WebSocketHandler<ParamsDeclaration>, options: WebSocketOptions = {}): void {
    const deps = [...(this.routerOptions.dependencies ?? []), ...(options.dependencies ?? [])];
    this.addWebSocketRoute(new WebSocketRoute((this.routerOptions.prefix ?? "") + path, handler, { ...options, dependencies: deps }));
  }

  /**
   * Declares a websocket endpoint, with the same parameter declarations as path operations (path, query, header,
   * cookie, `Depends`) plus `WebSocket`.
   */
  readonly websocket: WebSocketDeclarer = ((path: string, a: unknown, b?: unknown) => {
    const [options, handler] = typeof a === "function" ? [{}, a] : [a, b];
    this.addApiWebSocketRoute(path, handler as WebSocketHandler<ParamsDeclaration>, options as WebSocketOptions);
    return handler;
  }) as WebSocketDeclarer;

  #declare(method: Method): OperationDeclarer {
    return ((path: string, a: unknown, b?: unknown) => {
      const [options, handler] = typeof a === "function" ? [{}, a] : [a, b];
      this.addApiRoute(path, [method], handler as Handler<ParamsDeclaration>, options as OperationOptions<ParamsDeclaration>);
      return handler;
    }) as OperationDeclarer;
  }

  /** Declares a GET operation (only GET, as in FastAPI: a HEAD request gets 405 unless a HEAD operation is declared). */
  readonly get: OperationDeclarer = this.#declare("GET");
  /** Declares a POST operation. */
  readonly post: OperationDeclarer = this.#declare("POST");
  /** Declares a PUT operation. */
  readonly put: OperationDeclarer = this.#declare("PUT");
  /** Declares a PATCH operation. */
  readonly patch: OperationDeclarer = this.#declare("PATCH");
  /** Declares a DELETE operation. */
  readonly delete: OperationDeclarer = this.#declare("DELETE");
  /** Declares an OPTIONS operation. */
  readonly options: OperationDeclarer = this.#declare("OPTIONS");
  /** Declares a HEAD operation. */
  readonly head: OperationDeclarer = this.#declare("HEAD");
  /** Declares a TRACE operation. */
  readonly trace: OperationDeclarer = this.#declare("TRACE");

  /** Declares an operation answering several methods (`methods: ["GET", "POST"]`). */
  apiRoute<const P extends ParamsDeclaration, H extends Handler<P> = Handler<P>>(path: string, options: ApiRouteOptions<P>, handler: H & Handler<P>): H {
    const { methods = ["GET"], ...rest } = options;
    this.addApiRoute(path, methods, handler as unknown as Handler<ParamsDeclaration>, rest as unknown as OperationOptions<ParamsDeclaration>);
    return handler;
  }

  /** Includes another router's routes (as they are now), under `options.prefix`, with extra tags/responses. */
  includeRouter(router: APIRouter, options: RouterOptions = {}): void {
    if (options.prefix && (!options.prefix.startsWith("/") || options.prefix.endsWith("/"))) {
      throw new Error("A path prefix must start with '/' and must not end with '/'");
    }
    for (const route of router.routes) {
      const opts = mergeShared(options, route.options);
      this.addApiRoute((options.prefix ?? "") + route.path, route.methods, route.handler, opts, route.constructor as RouteClass);
    }
    for (const fr of router.frontendRoutes) {
      this.addFrontendRoute(new FrontendRoute((this.routerOptions.prefix ?? "") + (options.prefix ?? "") + fr.prefix, fr.frontend, mergeShared(this.routerOptions, mergeShared(options, fr.options))));
    }
    for (const ws of router.websocketRoutes) {
      const deps = [...(options.dependencies ?? []), ...(ws.options.dependencies ?? [])];
      this.addApiWebSocketRoute((options.prefix ?? "") + ws.path, ws.handler, { ...ws.options, dependencies: deps });
    }
  }
}
