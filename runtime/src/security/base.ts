import { HTTPException } from "../exceptions.ts";
import { Request } from "../request.ts";

/** An OpenAPI security scheme object (`components.securitySchemes.<name>`). */
export interface SecuritySchemeObject {
  /** `"apiKey"`, `"http"`, `"oauth2"` or `"openIdConnect"`. */
  type: "apiKey" | "http" | "oauth2" | "openIdConnect";
  /** Description shown in the docs. */
  description?: string;
  /** Type-specific members (`in`/`name`, `scheme`/`bearerFormat`, `flows`, `openIdConnectUrl`). */
  [key: string]: unknown;
}

/** Options shared by every security utility. */
export interface SecurityBaseOptions<A extends boolean = boolean> {
  /** Name of the scheme in OpenAPI (default: the class name, e.g. `OAuth2PasswordBearer`). */
  schemeName?: string;
  /** Description of the scheme in OpenAPI. */
  description?: string;
  /**
   * `true` (default): answer 401 when the credentials are missing. `false`: the dependency provides `undefined`
   * instead, for optional authentication or several alternative schemes.
   */
  autoError?: A;
}

/** What a security dependency provides: `T`, or `T | undefined` when `autoError` is `false`. */
export type MaybeCredentials<A extends boolean, T> = false extends A ? T | undefined : T;

/** The parameters every security utility declares: it reads the request itself. */
export type SecurityParams = { readonly request: typeof Request };

/**
 * Base of the security utilities: a dependency (use it with `Depends` or `Security`) that also declares an
 * OpenAPI security scheme; every operation depending on it lists the scheme in its `security` requirement.
 * Subclass it for your own schemes, overriding {@link SecurityBase.call} (and
 * {@link SecurityBase.makeNotAuthenticatedError} to change the error, e.g. back to FastAPI's old 403).
 */
export abstract class SecurityBase<R = unknown> {
  /** Declared parameters: the {@link Request}. */
  readonly params: SecurityParams = { request: Request };
  /** The OpenAPI security scheme object. */
  abstract readonly model: SecuritySchemeObject;
  /** The scheme's name in `components.securitySchemes`. */
  readonly schemeName: string;
  /** Whether missing credentials are answered with an error (else the dependency provides `undefined`). */
  readonly autoError: boolean;
  /** `true` for OAuth2 and OpenID Connect: the operation's requirement lists the collected scopes. */
  readonly usesScopes: boolean = false;

  constructor(options: SecurityBaseOptions = {}) {
    this.schemeName = options.schemeName ?? this.constructor.name;
    this.autoError = options.autoError !== false;
  }

  /** The dependency's name (the class name). */
  get name(): string {
    return this.constructor.name;
  }

  /** Reads the credentials from the request. */
  abstract call(args: { request: Request }): R | Promise<R>;

  /** The challenge sent with a 401 (`WWW-Authenticate`). */
  makeAuthenticateHeaders(): Record<string, string> {
    return { "WWW-Authenticate": "Bearer" };
  }

  /** The error for missing or malformed credentials: 401 `{"detail": "Not authenticated"}` with the challenge. */
  makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(401, { detail: "Not authenticated", headers: this.makeAuthenticateHeaders() });
  }

  /** Throws the not-authenticated error when `autoError`, else returns `undefined`. */
  protected notAuthenticated(): undefined {
    if (this.autoError) throw this.makeNotAuthenticatedError();
    return undefined;
  }
}

/** Python's `str.isspace()` characters, which `str.strip()` removes (JavaScript's `trim` misses `\x1c`–`\x1f`, `\x85`). */
const PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "g");
const PY_SPACES = new RegExp(`${PY_SPACE}+`);

/**
 * @internal Python's `str.split()` without arguments: the words between runs of Python whitespace, none empty
 * (`" a\tb\x1fc "` → `["a", "b", "c"]`; JavaScript's `\s` would also split at `\ufeff` and miss `\x1c`–`\x1f`, `\x85`).
 */
export function pySplit(value: string): string[] {
  return value.split(PY_SPACES).filter(Boolean);
}

/**
 * Splits an `Authorization` header value at its first space into the scheme and the parameter, the parameter
 * stripped of surrounding whitespace, as FastAPI's `get_authorization_scheme_param` (`"Bearer  abc "` →
 * `["Bearer", "abc"]`).
 */
export function getAuthorizationSchemeParam(value: string | null | undefined): [scheme: string, param: string] {
  if (!value) return ["", ""];
  const at = value.indexOf(" ");
  return at === -1 ? [value, ""] : [value.slice(0, at), value.slice(at + 1).replace(PY_STRIP, "")];
}
