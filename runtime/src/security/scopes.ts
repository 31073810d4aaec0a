/**
 * The OAuth2 scopes required along the dependency graph down to the dependency that declares it (FastAPI's
 * `SecurityScopes`): declare `{ security_scopes: SecurityScopes }` in a dependency's `params` to receive the
 * scopes of every `Security(..., { scopes })` between the operation and that dependency.
 *
 * @example
 * ```ts
 * const getCurrentUser = dependency({ params: { security_scopes: SecurityScopes, token: Depends(oauth2Scheme) } },
 *   async function get_current_user({ security_scopes, token }) {
 *     const authenticate = security_scopes.scopes.length ? `Bearer scope="${security_scopes.scopeStr}"` : "Bearer";
 *     // ... check that the token grants every scope in security_scopes.scopes
 *   });
 * ```
 */
export class SecurityScopes {
  /** The required scopes, outermost first, without duplicates. */
  readonly scopes: readonly string[];
  constructor(scopes: readonly string[] = []) {
    this.scopes = Object.freeze([...scopes]);
  }
  /** The scopes joined by spaces (as in a `WWW-Authenticate: Bearer scope="..."` challenge). */
  get scopeStr(): string {
    return this.scopes.join(" ");
  }
}
