import { z } from "zod";
import { Form, type ParamsDeclaration } from "../params/markers.ts";
import type { Request } from "../request.ts";
import { getAuthorizationSchemeParam, pySplit, SecurityBase, type MaybeCredentials, type SecurityBaseOptions, type SecuritySchemeObject } from "./base.ts";

/** One OAuth2 flow as OpenAPI documents it. */
export interface OAuthFlow {
  /** Where tokens are refreshed. */
  refreshUrl?: string;
  /** Available scopes: name → description. */
  scopes?: Record<string, string>;
  /** Authorization endpoint (implicit and authorization code flows). */
  authorizationUrl?: string;
  /** Token endpoint (password, client credentials and authorization code flows). */
  tokenUrl?: string;
}

/** The OAuth2 flows of a scheme (OpenAPI `flows`). */
export interface OAuthFlows {
  /** Implicit flow (`authorizationUrl`). */
  implicit?: OAuthFlow;
  /** Resource owner password flow (`tokenUrl`). */
  password?: OAuthFlow;
  /** Client credentials flow (`tokenUrl`). */
  clientCredentials?: OAuthFlow;
  /** Authorization code flow (`authorizationUrl` and `tokenUrl`). */
  authorizationCode?: OAuthFlow;
}

/** Options of {@link OAuth2}. */
export interface OAuth2Options<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** The flows documented (default none). */
  flows?: OAuthFlows;
}

function flow(f: OAuthFlow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (f.refreshUrl !== undefined) out.refreshUrl = f.refreshUrl;
  out.scopes = f.scopes ?? {};
  if (f.authorizationUrl !== undefined) out.authorizationUrl = f.authorizationUrl;
  if (f.tokenUrl !== undefined) out.tokenUrl = f.tokenUrl;
  return out;
}

/**
 * OAuth2, the base of the OAuth2 flows: documents `{"type": "oauth2", "flows": ...}` and provides the raw
 * `Authorization` header value; 401 `{"detail": "Not authenticated"}` with `WWW-Authenticate: Bearer` when missing.
 * Operations depending on it list the scopes collected by `Security(..., { scopes })` in their requirement.
 */
export class OAuth2<A extends boolean = true> extends SecurityBase<MaybeCredentials<A, string>> {
  /** `{"type": "oauth2", "flows": ...}`. */
  readonly model: SecuritySchemeObject;
  override readonly usesScopes = true;
  constructor(options: OAuth2Options<A> = {}) {
    super(options);
    const model: SecuritySchemeObject = { type: "oauth2" };
    if (options.description !== undefined) model.description = options.description;
    model.flows = Object.fromEntries(Object.entries(options.flows ?? {}).filter(([, f]) => f).map(([k, f]) => [k, flow(f as OAuthFlow)]));
    this.model = model;
  }
  /** The `Authorization` header as sent. */
  call({ request }: { request: Request }): MaybeCredentials<A, string> {
    const authorization = request.header("authorization");
    if (!authorization) return this.notAuthenticated() as MaybeCredentials<A, string>;
    return authorization;
  }
  /** The token of `Authorization: Bearer <token>`, or the not-authenticated outcome. */
  protected bearerToken(request: Request): MaybeCredentials<A, string> {
    const authorization = request.header("authorization");
    const [scheme, param] = getAuthorizationSchemeParam(authorization);
    if (!authorization || scheme.toLowerCase() !== "bearer") return this.notAuthenticated() as MaybeCredentials<A, string>;
    return param;
  }
}

/** Options of {@link OAuth2PasswordBearer}. */
export interface OAuth2PasswordBearerOptions<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** The URL (relative ones resolve against the docs page) where clients send username and password for a token. */
  tokenUrl: string;
  /** Available scopes: name → description. */
  scopes?: Record<string, string>;
  /** Where tokens are refreshed. */
  refreshUrl?: string;
}

/**
 * OAuth2 password flow with bearer tokens: provides the token of `Authorization: Bearer <token>` (a string);
 * otherwise 401 `{"detail": "Not authenticated"}` with `WWW-Authenticate: Bearer` (or `undefined` with
 * `autoError: false`). Swagger UI's "Authorize" button posts the login form to `tokenUrl`.
 *
 * @example
 * ```ts
 * const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });
 * app.get("/items/", { params: { token: Depends(oauth2Scheme) } }, async function read_items({ token }) {
 *   return { token };
 * });
 * ```
 */
export class OAuth2PasswordBearer<A extends boolean = true> extends OAuth2<A> {
  constructor(options: OAuth2PasswordBearerOptions<A>) {
    super({ ...options, flows: { password: { refreshUrl: options.refreshUrl, scopes: options.scopes, tokenUrl: options.tokenUrl } } });
  }
  /** Reads `Authorization: Bearer <token>`. */
  override call({ request }: { request: Request }): MaybeCredentials<A, string> {
    return this.bearerToken(request);
  }
}

/** Options of {@link OAuth2AuthorizationCodeBearer}. */
export interface OAuth2AuthorizationCodeBearerOptions<A extends boolean = true> extends OAuth2PasswordBearerOptions<A> {
  /** The provider's authorization endpoint. */
  authorizationUrl: string;
}

/**
 * OAuth2 authorization code flow with bearer tokens (e.g. a third-party identity provider): provides the bearer
 * token, as {@link OAuth2PasswordBearer}, and documents the `authorizationCode` flow.
 */
export class OAuth2AuthorizationCodeBearer<A extends boolean = true> extends OAuth2<A> {
  constructor(options: OAuth2AuthorizationCodeBearerOptions<A>) {
    super({ ...options, flows: { authorizationCode: {
      refreshUrl: options.refreshUrl, scopes: options.scopes, authorizationUrl: options.authorizationUrl, tokenUrl: options.tokenUrl,
    } } });
  }
  /** Reads `Authorization: Bearer <token>`. */
  override call({ request }: { request: Request }): MaybeCredentials<A, string> {
    return this.bearerToken(request);
  }
}

/** The form fields of the OAuth2 password flow's token request, as {@link OAuth2PasswordRequestForm} reads them. */
export interface OAuth2PasswordRequestFormValues {
  /** `grant_type` (`"password"`), or `null`. */
  grant_type: string | null;
  /** `username`. */
  username: string;
  /** `password`. */
  password: string;
  /** `scope`: scopes separated by spaces (default `""`). */
  scope: string;
  /** `client_id`, or `null`. */
  client_id: string | null;
  /** `client_secret`, or `null`. */
  client_secret: string | null;
}

/**
 * The login form of the OAuth2 password flow, as a class dependency: `Depends(OAuth2PasswordRequestForm)` reads
 * the form fields `username`, `password`, and optionally `scope` (space separated), `grant_type` (must be
 * `"password"` when sent), `client_id` and `client_secret`, and documents them as the operation's form body.
 *
 * @example
 * ```ts
 * app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, async function login({ form_data }) {
 *   const user = fakeUsersDb[form_data.username];
 *   if (!user || fakeHashPassword(form_data.password) !== user.hashed_password) {
 *     throw new HTTPException(400, { detail: "Incorrect username or password" });
 *   }
 *   return { access_token: user.username, token_type: "bearer" };
 * });
 * ```
 */
export class OAuth2PasswordRequestForm {
  /** The declared form fields. */
  static params: ParamsDeclaration = {
    grant_type: Form(z.string().regex(/^password$/).nullable().default(null)),
    username: Form(z.string()),
    password: Form(z.string().meta({ format: "password" })),
    scope: Form(z.string().default("")),
    client_id: Form(z.string().nullable().default(null)),
    client_secret: Form(z.string().nullable().default(null).meta({ format: "password" })),
  };
  /** `"password"`, or `null` when not sent. */
  readonly grantType: string | null;
  /** The user name. */
  readonly username: string;
  /** The password. */
  readonly password: string;
  /** The requested scopes (`scope` split on whitespace, as Python's `str.split()`). */
  readonly scopes: string[];
  /** The client id, if sent in the form. */
  readonly clientId: string | null;
  /** The client secret, if sent in the form. */
  readonly clientSecret: string | null;
  constructor(values: OAuth2PasswordRequestFormValues) {
    this.grantType = values.grant_type;
    this.username = values.username;
    this.password = values.password;
    this.scopes = pySplit(values.scope);
    this.clientId = values.client_id;
    this.clientSecret = values.client_secret;
  }
}

/** {@link OAuth2PasswordRequestForm}, with `grant_type=password` required as the OAuth2 spec says. */
export class OAuth2PasswordRequestFormStrict extends OAuth2PasswordRequestForm {
  /** The declared form fields (`grant_type` required). */
  static override params: ParamsDeclaration = { ...OAuth2PasswordRequestForm.params, grant_type: Form(z.string().regex(/^password$/)) };
  /** Always `"password"`. */
  declare readonly grantType: string;
}
