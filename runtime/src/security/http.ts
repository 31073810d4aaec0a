import type { Request } from "../request.ts";
import { getAuthorizationSchemeParam, SecurityBase, type MaybeCredentials, type SecurityBaseOptions, type SecuritySchemeObject } from "./base.ts";

/** What {@link HTTPBasic} provides: the decoded user name and password. */
export class HTTPBasicCredentials {
  /** The user name (before the first `:`). */
  readonly username: string;
  /** The password (after the first `:`). */
  readonly password: string;
  constructor(username: string, password: string) {
    this.username = username;
    this.password = password;
  }
}

/**
 * What {@link HTTPBearer} and {@link HTTPDigest} provide: the `Authorization` header split at its first space,
 * the rest stripped of surrounding whitespace (`Bearer  deadbeef` → scheme `Bearer`, credentials `deadbeef`).
 */
export class HTTPAuthorizationCredentials {
  /** The authorization scheme, as sent (`Bearer`). */
  readonly scheme: string;
  /** The rest of the header value, without surrounding whitespace. */
  readonly credentials: string;
  constructor(scheme: string, credentials: string) {
    this.scheme = scheme;
    this.credentials = credentials;
  }
}

/** Options of {@link HTTPBase}. */
export interface HTTPBaseOptions<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** The HTTP authentication scheme documented (`"bearer"`, `"basic"`, `"digest"`, …). */
  scheme: string;
}

/** Options of {@link HTTPBearer}. */
export interface HTTPBearerOptions<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** Documented token format (`"JWT"`). */
  bearerFormat?: string;
}

/**
 * An HTTP authentication scheme read from the `Authorization` header: provides the
 * {@link HTTPAuthorizationCredentials} whatever the scheme; 401 `Not authenticated` when the header is missing.
 */
export class HTTPBase<A extends boolean = true> extends SecurityBase<MaybeCredentials<A, HTTPAuthorizationCredentials>> {
  /** `{"type": "http", "scheme": ...}`. */
  readonly model: SecuritySchemeObject;
  /** The scheme the header must use (`null`: any). */
  protected readonly expectedScheme: string | null;
  constructor(options: HTTPBaseOptions<A> & { bearerFormat?: string }, expectedScheme: string | null = null) {
    super(options);
    this.model = httpModel(options.scheme, options.description, options.bearerFormat);
    this.expectedScheme = expectedScheme;
  }
  /** `WWW-Authenticate: <Scheme>` (the scheme title-cased). */
  override makeAuthenticateHeaders(): Record<string, string> {
    const s = String(this.model.scheme);
    return { "WWW-Authenticate": s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() };
  }
  /** Reads the `Authorization` header. */
  call({ request }: { request: Request }): MaybeCredentials<A, HTTPAuthorizationCredentials> {
    const authorization = request.header("authorization");
    const [scheme, credentials] = getAuthorizationSchemeParam(authorization);
    if (!authorization || !scheme || !credentials || (this.expectedScheme !== null && scheme.toLowerCase() !== this.expectedScheme)) {
      return this.notAuthenticated() as MaybeCredentials<A, HTTPAuthorizationCredentials>;
    }
    return new HTTPAuthorizationCredentials(scheme, credentials);
  }
}

function httpModel(scheme: string, description: string | undefined, bearerFormat?: string): SecuritySchemeObject {
  const model: SecuritySchemeObject = { type: "http" };
  if (description !== undefined) model.description = description;
  model.scheme = scheme;
  if (bearerFormat !== undefined) model.bearerFormat = bearerFormat;
  return model;
}

/** Options of {@link HTTPBasic}. */
export interface HTTPBasicOptions<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** The realm sent in the challenge (`WWW-Authenticate: Basic realm="..."`). */
  realm?: string;
}

/**
 * HTTP Basic authentication: provides {@link HTTPBasicCredentials}. Missing, non-Basic or undecodable
 * credentials get 401 `{"detail": "Not authenticated"}` with `WWW-Authenticate: Basic` (with the realm, if any),
 * which makes browsers ask for a user name and password. Compare them with {@link compareDigest}.
 *
 * @example
 * ```ts
 * const security = new HTTPBasic();
 * app.get("/users/me", { params: { credentials: Depends(security) } }, function read_current_user({ credentials }) {
 *   return { username: credentials.username, password: credentials.password };
 * });
 * ```
 */
export class HTTPBasic<A extends boolean = true> extends SecurityBase<MaybeCredentials<A, HTTPBasicCredentials>> {
  /** `{"type": "http", "scheme": "basic"}`. */
  readonly model: SecuritySchemeObject;
  /** The realm, if any. */
  readonly realm: string | undefined;
  constructor(options: HTTPBasicOptions<A> = {}) {
    super(options);
    this.model = httpModel("basic", options.description);
    this.realm = options.realm;
  }
  /** `WWW-Authenticate: Basic` or `Basic realm="..."`. */
  override makeAuthenticateHeaders(): Record<string, string> {
    return { "WWW-Authenticate": this.realm ? `Basic realm="${this.realm}"` : "Basic" };
  }
  /** Decodes `Authorization: Basic base64(user:password)`. */
  call({ request }: { request: Request }): MaybeCredentials<A, HTTPBasicCredentials> {
    const authorization = request.header("authorization");
    const [scheme, param] = getAuthorizationSchemeParam(authorization);
    if (!authorization || scheme.toLowerCase() !== "basic") return this.notAuthenticated() as MaybeCredentials<A, HTTPBasicCredentials>;
    const decoded = decodeBasic(param);
    const sep = decoded === null ? -1 : decoded.indexOf(":");
    // Undecodable credentials are an error even without autoError, as in FastAPI.
    if (decoded === null || sep === -1) throw this.makeNotAuthenticatedError();
    return new HTTPBasicCredentials(decoded.slice(0, sep), decoded.slice(sep + 1)) as MaybeCredentials<A, HTTPBasicCredentials>;
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Python's `b64decode(param).decode("ascii")` (`binascii.a2b_base64`, not strict): characters outside the alphabet
 * are skipped, a `=` ends the data only once it completes a group of four, a non-ASCII character or a group left
 * incomplete is an error. `null` on error or when the bytes are not ASCII.
 */
function decodeBasic(param: string): string | null {
  if (/[^\x00-\x7f]/.test(param)) return null;
  const out: number[] = [];
  let quad = 0;
  let left = 0;
  let pads = 0;
  let done = false;
  for (const ch of param) {
    if (ch === "=") {
      if (quad >= 2 && quad + ++pads >= 4) {
        done = true;
        break;
      }
      continue;
    }
    const v = B64.indexOf(ch);
    if (v === -1) continue;
    pads = 0;
    if (quad === 0) {
      left = v;
    } else if (quad === 1) {
      out.push(((left << 2) | (v >> 4)) & 0xff);
      left = v & 0x0f;
    } else if (quad === 2) {
      out.push(((left << 4) | (v >> 2)) & 0xff);
      left = v & 0x03;
    } else {
      out.push(((left << 6) | v) & 0xff);
    }
    quad = (quad + 1) % 4;
  }
  if (!done && quad !== 0) return null;
  if (out.some((b) => b > 0x7f)) return null;
  return new TextDecoder().decode(new Uint8Array(out));
}

/**
 * HTTP Bearer authentication: provides {@link HTTPAuthorizationCredentials} for `Authorization: Bearer <token>`;
 * 401 `{"detail": "Not authenticated"}` with `WWW-Authenticate: Bearer` otherwise.
 *
 * @example
 * ```ts
 * const security = new HTTPBearer();
 * app.get("/users/me", { params: { credentials: Depends(security) } }, function read_current_user({ credentials }) {
 *   return { scheme: credentials.scheme, credentials: credentials.credentials };
 * });
 * ```
 */
export class HTTPBearer<A extends boolean = true> extends HTTPBase<A> {
  constructor(options: HTTPBearerOptions<A> = {}) {
    super({ ...options, scheme: "bearer" }, "bearer");
  }
}

/**
 * HTTP Digest authentication (a stub, as FastAPI's: it documents the scheme and provides the raw
 * {@link HTTPAuthorizationCredentials}; verifying the digest is up to you). 401 with `WWW-Authenticate: Digest`.
 */
export class HTTPDigest<A extends boolean = true> extends HTTPBase<A> {
  constructor(options: SecurityBaseOptions<A> = {}) {
    super({ ...options, scheme: "digest" }, "digest");
  }
}
