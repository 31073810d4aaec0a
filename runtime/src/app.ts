import { HTTPException, RequestValidationError } from "./exceptions.ts";
import { httpExceptionHandler, requestValidationExceptionHandler, type ExceptionHandler } from "./handlers.ts";
import type { DependencyOverrides } from "./dependencies/dependant.ts";
import { getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "./openapi/docs.ts";
import { getOpenAPI, type Contact, type License, type OpenAPIObject, type Server, type TagMetadata } from "./openapi/generate.ts";
import { BodyTooLarge, Request, type Address } from "./request.ts";
import { HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response } from "./responses.ts";
import { LinearRouter, type Router } from "./router.ts";
import { APIRouter, type RouterOptions } from "./routing/apirouter.ts";
import type { APIRoute } from "./routing/route.ts";

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
  /** Prefix the app is mounted under behind a proxy. */
  rootPath?: string;
  /** Exception handlers by class or status code. */
  exceptionHandlers?: Iterable<[ErrorClass | number, ExceptionHandler<never>]>;
}

/** A class of errors (`HTTPException`, `RequestValidationError`, your own…). */
export type ErrorClass<E = unknown> = abstract new (...args: never[]) => E;

/** Options of one dispatch, used by adapters and the TestClient. */
export interface DispatchOptions {
  /** Called with an unhandled error (the response is still the 500). */
  onServerError?: (error: unknown) => void;
}

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
  readonly #handlers = new Map<ErrorClass | number, ExceptionHandler<never>>();
  #table: Router<APIRoute> | null = null;
  readonly #strict: boolean;
  readonly #maxBody: number;

  constructor(options: FastAPIOptions = {}) {
    super({ dependencies: options.dependencies, tags: options.tags, responses: options.responses, responseClass: options.responseClass,
      deprecated: options.deprecated, includeInSchema: options.includeInSchema, generateUniqueIdFunction: options.generateUniqueIdFunction });
    this.settings = options;
    this.#strict = options.strictContentType !== false;
    this.#maxBody = options.maxBodySize ?? 16 * 1024 * 1024;
    for (const [k, h] of options.exceptionHandlers ?? []) this.#handlers.set(k, h);
    this.#setupDocs();
  }

  protected override addRoute(route: APIRoute): void {
    super.addRoute(route);
    this.#table = null;
    this.openapiSchema = null;
  }

  #setupDocs(): void {
    const o = this.settings;
    const openapiUrl = o.openapiUrl === undefined ? "/openapi.json" : o.openapiUrl;
    if (!openapiUrl) return;
    const root = o.rootPath ?? "";
    const assets = o.docsAssetsUrl ?? "/_fastapi-ts/assets";
    const title = o.title ?? "FastAPI";
    const hidden = { includeInSchema: false, name: "openapi" } as const;
    this.addApiRoute(openapiUrl, ["GET"], () => new JSONResponse(this.openapi()), hidden);
    const docsUrl = o.docsUrl === undefined ? "/docs" : o.docsUrl;
    const redirect = o.swaggerUiOauth2RedirectUrl === undefined ? "/docs/oauth2-redirect" : o.swaggerUiOauth2RedirectUrl;
    if (docsUrl) {
      this.addApiRoute(docsUrl, ["GET"], () => new HTMLResponse(getSwaggerUiHtml({
        openapiUrl: root + openapiUrl, title: `${title} - Swagger UI`, assetsUrl: assets,
        oauth2RedirectUrl: redirect ? root + redirect : null, swaggerUiParameters: o.swaggerUiParameters, initOauth: o.swaggerUiInitOauth,
      })), { ...hidden, name: "swagger_ui_html" });
      if (redirect) this.addApiRoute(redirect, ["GET"], () => new HTMLResponse(getSwaggerUiOauth2RedirectHtml()), { ...hidden, name: "swagger_ui_redirect" });
    }
    const redocUrl = o.redocUrl === undefined ? "/redoc" : o.redocUrl;
    if (redocUrl) {
      this.addApiRoute(redocUrl, ["GET"], () => new HTMLResponse(getRedocHtml({
        openapiUrl: root + openapiUrl, title: `${title} - ReDoc`, assetsUrl: assets,
      })), { ...hidden, name: "redoc_html" });
    }
  }

  /** The OpenAPI 3.1 document (built once, then cached in {@link FastAPI.openapiSchema}). */
  openapi(): OpenAPIObject {
    if (this.openapiSchema) return this.openapiSchema;
    const o = this.settings;
    this.openapiSchema = getOpenAPI({
      title: o.title ?? "FastAPI", version: o.version ?? "0.1.0", openapiVersion: o.openapiVersion, summary: o.summary,
      description: o.description, termsOfService: o.termsOfService, contact: o.contact, license: o.license,
      servers: o.servers ?? (o.rootPath ? [{ url: o.rootPath }] : undefined), tags: o.openapiTags,
      externalDocs: o.openapiExternalDocs, routes: this.routes, separateInputOutputSchemas: o.separateInputOutputSchemas,
    });
    return this.openapiSchema;
  }

  /** Registers a handler for an error class (matched along its prototype chain) or an HTTP status code. */
  exceptionHandler<E>(key: ErrorClass<E> | number, handler: ExceptionHandler<E>): void {
    this.#handlers.set(key as ErrorClass | number, handler as ExceptionHandler<never>);
  }

  /** The Web-standard entry point: answers one request. */
  async fetch(request: globalThis.Request): Promise<globalThis.Response> {
    const response = await this.dispatch(Request.fromWeb(request));
    return response.toWeb(request.method === "HEAD");
  }

  /** Answers one {@link Request} with a {@link Response} (adapters use it to avoid Web `Response` objects). */
  async dispatch(request: Request, options: DispatchOptions = {}): Promise<Response> {
    request.maxBodySize = this.#maxBody;
    try {
      return await this.#route(request);
    } catch (error) {
      return this.#handleError(request, error, options);
    }
  }

  async #route(request: Request): Promise<Response> {
    const table = (this.#table ??= this.#buildTable());
    let path = request.rawPath;
    if (path.includes("%")) {
      try {
        path = decodeURIComponent(path);
      } catch { /* keep the raw path */ }
    }
    const root = this.settings.rootPath;
    if (root && path.startsWith(root)) path = path.slice(root.length) || "/";
    const found = table.match(request.method, path);
    if (found && "handler" in found) {
      request.pathParams = found.params;
      return found.handler.handle(request, found.params, { strictContentType: this.#strict, overrides: this.dependencyOverrides });
    }
    if (!found && this.settings.redirectSlashes !== false && path !== "/") {
      const alt = path.endsWith("/") ? path.slice(0, -1) : `${path}/`;
      if (table.match(request.method, alt)) {
        const url = new URL(request.url);
        url.pathname = (root ?? "") + alt;
        return new RedirectResponse(url.href);
      }
    }
    if (found) throw new HTTPException(405, { headers: { allow: found.allowed.join(", ") } });
    throw new HTTPException(404);
  }

  #buildTable(): Router<APIRoute> {
    const table = new LinearRouter<APIRoute>();
    for (const r of this.routes) table.add(r.methods, r.path, r);
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

  async #handleError(request: Request, error: unknown, options: DispatchOptions): Promise<Response> {
    if (error instanceof BodyTooLarge) error = new HTTPException(413);
    const handler = this.#lookup(error);
    if (handler) {
      try {
        return await handler(request, error as never);
      } catch (inner) {
        if (inner !== error) return this.#handleError(request, inner, options);
        error = inner;
      }
    } else if (error instanceof HTTPException) {
      return httpExceptionHandler(request, error);
    } else if (error instanceof RequestValidationError) {
      return requestValidationExceptionHandler(request, error);
    }
    const serverHandler = this.#handlers.get(500) ?? this.#handlers.get(Error);
    options.onServerError?.(error);
    if (serverHandler && serverHandler !== handler) {
      try {
        return await serverHandler(request, error as never);
      } catch { /* fall through to the plain 500 */ }
    }
    if (!options.onServerError) console.error(error);
    return new PlainTextResponse("Internal Server Error", { status: 500 });
  }
}

export type { Address };
