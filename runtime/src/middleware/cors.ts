import type { Request } from "../request.ts";
import { PlainTextResponse, type Response } from "../responses.ts";
import { addVary, type Dispatch, type MiddlewareInstance } from "./base.ts";

/** Options of {@link CORSMiddleware} (Starlette's, camelCased). */
export interface CORSOptions {
  /** Allowed origins (`["https://example.com"]`, or `["*"]`). */
  allowOrigins?: readonly string[];
  /** Allowed methods for preflight requests (default `["GET"]`; `["*"]` for all: `DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY`). */
  allowMethods?: readonly string[];
  /** Allowed request headers (the CORS-safelisted ones are always allowed; `["*"]` mirrors the request). */
  allowHeaders?: readonly string[];
  /** Allow cookies/authorization (`Access-Control-Allow-Credentials: true`). */
  allowCredentials?: boolean;
  /** A regular expression (a string, matched in full) of allowed origins. */
  allowOriginRegex?: string | null;
  /**
   * Allow Private Network Access: a preflight carrying `Access-Control-Request-Private-Network` is answered with
   * `Access-Control-Allow-Private-Network: true` (default `false`: such a preflight is refused with 400
   * `Disallowed CORS private-network`).
   */
  allowPrivateNetwork?: boolean;
  /** Response headers the browser may read (`Access-Control-Expose-Headers`). */
  exposeHeaders?: readonly string[];
  /** Seconds browsers may cache a preflight (default 600). */
  maxAge?: number;
}

const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY"];
const PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network";
const SAFELISTED_HEADERS = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];

/**
 * Cross-Origin Resource Sharing, with Starlette's `CORSMiddleware` semantics: preflight (`OPTIONS` with
 * `Access-Control-Request-Method`) answered directly (200 `OK`, or 400 `Disallowed CORS origin, method, headers`),
 * simple requests answered by the app with CORS headers added when they carry an `Origin`, and `Vary: Origin`
 * appended to every response that goes through it (Starlette 1.7).
 *
 * @example
 * ```ts
 * app.addMiddleware(CORSMiddleware, { allowOrigins: ["http://localhost:8080"], allowCredentials: true,
 *   allowMethods: ["*"], allowHeaders: ["*"] });
 * ```
 */
export class CORSMiddleware implements MiddlewareInstance {
  readonly #app: Dispatch;
  readonly #allowOrigins: readonly string[];
  readonly #allowMethods: readonly string[];
  readonly #allowHeaders: readonly string[];
  readonly #allowAllOrigins: boolean;
  readonly #allowAllHeaders: boolean;
  readonly #regex: RegExp | null;
  readonly #explicitPreflightOrigin: boolean;
  readonly #allowPrivateNetwork: boolean;
  readonly #allowCredentials: boolean;
  readonly #simpleHeaders: Record<string, string> = {};
  readonly #preflightHeaders: Record<string, string> = {};

  constructor(app: Dispatch, o: CORSOptions = {}) {
    this.#app = app;
    const allowOrigins = o.allowOrigins ?? [];
    const allowMethods = (o.allowMethods ?? ["GET"]).includes("*") ? ALL_METHODS : [...(o.allowMethods ?? ["GET"])];
    const allowHeadersIn = o.allowHeaders ?? [];
    this.#allowAllOrigins = allowOrigins.includes("*");
    this.#allowAllHeaders = allowHeadersIn.includes("*");
    this.#regex = o.allowOriginRegex != null ? new RegExp(`^(?:${o.allowOriginRegex})$`) : null;
    this.#explicitPreflightOrigin = !this.#allowAllOrigins || o.allowCredentials === true;
    this.#allowPrivateNetwork = o.allowPrivateNetwork === true;
    this.#allowCredentials = o.allowCredentials === true;
    if (this.#allowAllOrigins) this.#simpleHeaders["access-control-allow-origin"] = "*";
    if (o.allowCredentials) this.#simpleHeaders["access-control-allow-credentials"] = "true";
    if (o.exposeHeaders?.length) this.#simpleHeaders["access-control-expose-headers"] = o.exposeHeaders.join(", ");
    this.#preflightHeaders.vary = PREFLIGHT_VARY;
    if (!this.#explicitPreflightOrigin) this.#preflightHeaders["access-control-allow-origin"] = "*";
    this.#preflightHeaders["access-control-allow-methods"] = allowMethods.join(", ");
    this.#preflightHeaders["access-control-max-age"] = String(o.maxAge ?? 600);
    const allowHeaders = [...new Set([...SAFELISTED_HEADERS, ...allowHeadersIn])].sort();
    if (allowHeaders.length && !this.#allowAllHeaders) this.#preflightHeaders["access-control-allow-headers"] = allowHeaders.join(", ");
    if (o.allowCredentials) this.#preflightHeaders["access-control-allow-credentials"] = "true";
    this.#allowOrigins = allowOrigins;
    this.#allowMethods = allowMethods;
    this.#allowHeaders = allowHeaders.map((h) => h.toLowerCase());
  }

  /** Whether an origin may read responses. */
  isAllowedOrigin(origin: string): boolean {
    if (this.#allowAllOrigins) return true;
    if (this.#regex?.test(origin)) return true;
    return this.#allowOrigins.includes(origin);
  }

  async handle(request: Request): Promise<Response> {
    const origin = request.headers.get("origin");
    if (origin !== null && request.method === "OPTIONS" && request.headers.has("access-control-request-method")) return this.#preflight(request.headers, origin);
    const response = await this.#app(request);
    const h = response.headers;
    if (origin !== null) {
      for (const [k, v] of Object.entries(this.#simpleHeaders)) h.set(k, v);
      // With credentials, a browser needs its own origin back, not "*"; a list mirrors an allowed origin.
      if (this.#allowAllOrigins ? this.#allowCredentials : this.isAllowedOrigin(origin)) h.set("access-control-allow-origin", origin);
    }
    // Every answer varies by Origin: with it, without it, allowed or not (Starlette 1.7).
    addVary(h, "Origin");
    return response;
  }

  #preflight(req: Headers, origin: string): Response {
    const method = req.get("access-control-request-method")!;
    const requested = req.get("access-control-request-headers");
    const privateNetwork = req.get("access-control-request-private-network");
    const headers: Record<string, string> = { ...this.#preflightHeaders };
    const failures: string[] = [];
    if (this.isAllowedOrigin(origin)) {
      if (this.#explicitPreflightOrigin) headers["access-control-allow-origin"] = origin;
    } else {
      failures.push("origin");
    }
    if (!this.#allowMethods.includes(method)) failures.push("method");
    if (this.#allowAllHeaders && requested !== null) {
      headers["access-control-allow-headers"] = requested;
    } else if (requested !== null) {
      for (const header of requested.toLowerCase().split(",")) {
        if (!this.#allowHeaders.includes(header.trim())) {
          failures.push("headers");
          break;
        }
      }
    }
    if (privateNetwork !== null) {
      if (this.#allowPrivateNetwork) headers["access-control-allow-private-network"] = "true";
      else failures.push("private-network");
    }
    if (failures.length) return new PlainTextResponse(`Disallowed CORS ${failures.join(", ")}`, { status: 400, headers });
    return new PlainTextResponse("OK", { status: 200, headers });
  }
}
