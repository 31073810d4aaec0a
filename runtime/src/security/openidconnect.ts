import type { Request } from "../request.ts";
import { SecurityBase, type MaybeCredentials, type SecurityBaseOptions, type SecuritySchemeObject } from "./base.ts";

/** Options of {@link OpenIdConnect}. */
export interface OpenIdConnectOptions<A extends boolean = true> extends SecurityBaseOptions<A> {
  /** The OpenID Connect discovery URL. */
  openIdConnectUrl: string;
}

/**
 * OpenID Connect: documents the provider's discovery URL and provides the raw `Authorization` header value
 * (verifying it is up to you); 401 `{"detail": "Not authenticated"}` with `WWW-Authenticate: Bearer` when missing.
 */
export class OpenIdConnect<A extends boolean = true> extends SecurityBase<MaybeCredentials<A, string>> {
  /** `{"type": "openIdConnect", "openIdConnectUrl": ...}`. */
  readonly model: SecuritySchemeObject;
  override readonly usesScopes = true;
  constructor(options: OpenIdConnectOptions<A>) {
    super(options);
    const model: SecuritySchemeObject = { type: "openIdConnect" };
    if (options.description !== undefined) model.description = options.description;
    model.openIdConnectUrl = options.openIdConnectUrl;
    this.model = model;
  }
  /** The `Authorization` header as sent. */
  call({ request }: { request: Request }): MaybeCredentials<A, string> {
    const authorization = request.header("authorization");
    if (!authorization) return this.notAuthenticated() as MaybeCredentials<A, string>;
    return authorization;
  }
}
