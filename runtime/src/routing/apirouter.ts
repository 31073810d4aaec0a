import type { ParamsDeclaration } from "../params/markers.ts";
import type { Handler, OperationOptions, SharedOptions } from "./operation.ts";
import { APIRoute } from "./route.ts";

/** Options of an {@link APIRouter} (and of `includeRouter`). */
export interface RouterOptions extends SharedOptions {
  /** Path prefix of every route (`/items`). */
  prefix?: string;
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

  /** Registers an operation for several methods. */
  addApiRoute(path: string, methods: readonly string[], handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration> = {}): void {
    const merged = mergeShared(this.routerOptions, options);
    this.addRoute(new APIRoute((this.routerOptions.prefix ?? "") + path, methods, handler, merged));
  }

  #declare(method: Method): OperationDeclarer {
    return ((path: string, a: unknown, b?: unknown) => {
      const [options, handler] = typeof a === "function" ? [{}, a] : [a, b];
      this.addApiRoute(path, [method], handler as Handler<ParamsDeclaration>, options as OperationOptions<ParamsDeclaration>);
      return handler;
    }) as OperationDeclarer;
  }

  /** Declares a GET operation (HEAD is answered too). */
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
      this.addApiRoute((options.prefix ?? "") + route.path, route.methods, route.handler, opts);
    }
  }
}
