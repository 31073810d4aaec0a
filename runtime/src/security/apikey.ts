import type { Request } from "../request.ts";
import { SecurityBase, type MaybeCredentials, type SecurityBaseOptions, type SecuritySchemeObject } from "./base.ts";

/** Options of {@link APIKeyQuery}, {@link APIKeyHeader} and {@link APIKeyCookie}. */
export interface APIKeyOptions<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** The query parameter, header or cookie carrying the key. */
  name: string;
}

/**
 * Base of the API key schemes: provides the key (a string); a missing or empty key gets 401
 * `{"detail": "Not authenticated"}` with the custom challenge `WWW-Authenticate: APIKey`.
 */
export abstract class APIKeyBase<A extends boolean = true> extends SecurityBase<MaybeCredentials<A, string>> {
  /** `{"type": "apiKey", "in": ..., "name": ...}`. */
  readonly model: SecuritySchemeObject;
  /** Where the key is read. */
  readonly location: "query" | "header" | "cookie";
  /** Its name there. */
  readonly keyName: string;
  constructor(location: "query" | "header" | "cookie", options: APIKeyOptions<A>) {
    super(options);
    this.location = location;
    this.keyName = options.name;
    const model: SecuritySchemeObject = { type: "apiKey" };
    if (options.description !== undefined) model.description = options.description;
    model.in = location;
    model.name = options.name;
    this.model = model;
  }
  /** `WWW-Authenticate: APIKey` (a custom challenge: the HTTP spec requires one with every 401). */
  override makeAuthenticateHeaders(): Record<string, string> {
    return { "WWW-Authenticate": "APIKey" };
  }
  /** The key, or the not-authenticated outcome when it is missing or empty. */
  protected checkApiKey(key: string | null | undefined): MaybeCredentials<A, string> {
    if (!key) return this.notAuthenticated() as MaybeCredentials<A, string>;
    return key;
  }
}

/**
 * An API key in a query parameter.
 *
 * @example
 * ```ts
 * const queryScheme = new APIKeyQuery({ name: "api_key" });
 * app.get("/items/", { params: { api_key: Depends(queryScheme) } }, async function read_items({ api_key }) {
 *   return { api_key };
 * });
 * ```
 */
export class APIKeyQuery<A extends boolean = true> extends APIKeyBase<A> {
  constructor(options: APIKeyOptions<A>) {
    super("query", options);
  }
  /** Reads the query parameter. */
  call({ request }: { request: Request }): MaybeCredentials<A, string> {
    return this.checkApiKey(request.queryParams.get(this.keyName));
  }
}

/** An API key in a header (`new APIKeyHeader({ name: "x-key" })`). */
export class APIKeyHeader<A extends boolean = true> extends APIKeyBase<A> {
  constructor(options: APIKeyOptions<A>) {
    super("header", options);
  }
  /** Reads the header. */
  call({ request }: { request: Request }): MaybeCredentials<A, string> {
    return this.checkApiKey(request.header(this.keyName));
  }
}

/** An API key in a cookie (`new APIKeyCookie({ name: "session" })`). */
export class APIKeyCookie<A extends boolean = true> extends APIKeyBase<A> {
  constructor(options: APIKeyOptions<A>) {
    super("cookie", options);
  }
  /** Reads the cookie. */
  call({ request }: { request: Request }): MaybeCredentials<A, string> {
    return this.checkApiKey(request.cookies[this.keyName]);
  }
}
