import type { ParamsDeclaration, ParamValues } from "../params/markers.ts";

/**
 * A dependency with declared parameters: the same shape as a path operation (a `params` declaration plus a
 * function receiving the validated values). Made by {@link dependency}, or written as a class whose instances
 * have `params` and a `call` method — a *parameterised* dependency, FastAPI's callable instance:
 *
 * @example
 * ```ts
 * class FixedContentQueryChecker {
 *   readonly params = { q: Query(z.string().default("")) };
 *   readonly fixedContent: string;
 *   constructor(fixedContent: string) { this.fixedContent = fixedContent; }
 *   call({ q }: ParamValues<FixedContentQueryChecker["params"]>): boolean { return q.includes(this.fixedContent); }
 * }
 * const checker = new FixedContentQueryChecker("bar");
 * app.get("/query-checker/", { params: { fixed_content_included: Depends(checker) } }, async function read_query_check(
 *   { fixed_content_included }) { return { fixed_content_in_query: fixed_content_included }; });
 * ```
 */
export interface Dependency<P extends ParamsDeclaration = ParamsDeclaration, R = unknown> {
  /** The declared parameters (path, query, header, cookie, body, other dependencies, `Request`…). */
  readonly params: P;
  /** The dependency's function (called with the instance as `this`). */
  call(args: ParamValues<P>): R;
  /** Its name (defaults to the class's or the function's name). */
  readonly name?: string;
}

/**
 * A class used as a dependency (FastAPI's "classes as dependencies"): its static `params` are declared like an
 * operation's, and the class is constructed with their validated values; the instance is what gets injected.
 *
 * @example
 * ```ts
 * class CommonQueryParams {
 *   static params = { q: Query(z.string().nullable().default(null)), skip: z.int().default(0), limit: z.int().default(100) };
 *   q: string | null; skip: number; limit: number;
 *   constructor({ q, skip, limit }: ParamValues<typeof CommonQueryParams.params>) {
 *     this.q = q; this.skip = skip; this.limit = limit;
 *   }
 * }
 * app.get("/items/", { params: { commons: Depends(CommonQueryParams) } }, async function read_items({ commons }) {
 *   return { q: commons.q, skip: commons.skip };
 * });
 * ```
 */
export interface DependencyClass<I = unknown> {
  /** The declared parameters of the constructor (none when absent). */
  readonly params?: ParamsDeclaration;
  new (args: never): I;
}

/**
 * What `Depends` accepts: a declared {@link Dependency} (from {@link dependency}, or an instance with `params`
 * and `call`), a {@link DependencyClass}, or a function without parameters (sync, async, generator or async
 * generator).
 */
export type Dependable = Dependency<ParamsDeclaration, unknown> | DependencyClass | (() => unknown);

/** The value a dependency provides: its awaited result, or what its (async) generator yields. */
export type Provided<R> =
  R extends AsyncGenerator<infer Y, unknown, unknown> ? Y
  : R extends Generator<infer Y, unknown, unknown> ? Y
  : Awaited<R>;

/** The value injected for a dependable. */
export type DependableValue<D> =
  D extends abstract new (...args: never[]) => infer I ? I
  : D extends Dependency<ParamsDeclaration, infer R> ? Provided<R>
  : D extends () => infer R ? Provided<R>
  : never;

/**
 * Declares a dependency with parameters (a closure over configuration makes a parameterised dependency too).
 *
 * @param options - `params`: the dependency's own parameters, declared as an operation's are.
 * @param fn - Receives the validated parameters; what it returns (or yields, for a generator) is injected.
 * @returns The dependency, to pass to {@link Depends} or {@link Security}.
 *
 * @example
 * ```ts
 * const commonParameters = dependency(
 *   { params: { q: Query(z.string().optional()), skip: z.int().default(0), limit: z.int().default(100) } },
 *   async function common_parameters({ q, skip, limit }) { return { q, skip, limit }; },
 * );
 * app.get("/items/", { params: { commons: Depends(commonParameters) } }, async function read_items({ commons }) {
 *   return commons;
 * });
 * ```
 */
export function dependency<const P extends ParamsDeclaration, R>(options: { params: P }, fn: (args: ParamValues<P>) => R): Dependency<P, R> {
  return { params: options.params, call: fn, name: fn.name };
}

/**
 * When a generator dependency's code after `yield` runs: `"request"` (default) after the response has been
 * sent (its body fully streamed), `"function"` right after the handler, before the response is sent.
 */
export type DependencyScope = "function" | "request";

/** Options of {@link Depends}. */
export interface DependsOptions {
  /** Reuse the value when the same dependency is needed again in one request (default `true`). */
  useCache?: boolean;
  /** For generator dependencies: when the code after `yield` runs (default `"request"`). */
  scope?: DependencyScope;
}

/** Options of {@link Security}. */
export interface SecurityOptions extends DependsOptions {
  /** OAuth2 scopes this use of the dependency requires (collected along the graph into `SecurityScopes`). */
  scopes?: readonly string[];
}

/** A use of a dependency in `params` or `dependencies`. Made by {@link Depends} and {@link Security}. */
export class DependsMarker<V = unknown> {
  /** Always `"depends"`. */
  readonly source = "depends" as const;
  /** The dependency. */
  readonly dependency: Dependable;
  /** Per-request caching. */
  readonly useCache: boolean;
  /** Teardown scope of a generator dependency (`undefined`: the default, `"request"`). */
  readonly scope: DependencyScope | undefined;
  /** Scopes required by a {@link Security} use (empty for `Depends`). */
  readonly scopes: readonly string[];
  /** @internal Type carrier. */
  declare readonly _value: V;
  constructor(dep: Dependable, options: SecurityOptions = {}) {
    if (dep === null || (typeof dep !== "function" && typeof dep !== "object")) {
      throw new TypeError("Depends() needs a function, a class or a dependency object");
    }
    this.dependency = dep;
    this.useCache = options.useCache !== false;
    this.scope = options.scope;
    this.scopes = Object.freeze([...(options.scopes ?? [])]);
  }
}

/**
 * Injects what a dependency provides: declare it in `params` (`{ db: Depends(getDb) }`) or run it for its effect
 * in `dependencies: [Depends(verifyToken)]`. Its own parameters are validated and documented as the operation's.
 *
 * @param dep - A function, a declared {@link dependency}, or a class (its static `params` are validated and passed
 * to its constructor; the instance is injected).
 * @param options - `useCache: false` to run it again for each use in one request; `scope` for when a generator's
 * cleanup runs.
 */
export function Depends<D extends Dependable>(dep: D, options?: DependsOptions): DependsMarker<DependableValue<D>> {
  return new DependsMarker(dep, options);
}

/**
 * Like {@link Depends}, for security dependencies, with the OAuth2 `scopes` this use requires. The scopes of
 * every `Security` on the way down are collected: a dependency declaring `SecurityScopes` receives them, and the
 * operation's OpenAPI security requirement lists them.
 *
 * @param dep - The security dependency: a scheme such as {@link OAuth2PasswordBearer}, or a dependency using one.
 * @param options - `scopes` this use requires, with {@link Depends}'s options.
 *
 * @example
 * ```ts
 * app.get("/users/me/items/", { params: { current_user: Security(getCurrentActiveUser, { scopes: ["items"] }) } },
 *   async function read_own_items({ current_user }) { return [{ item_id: "Foo", owner: current_user.username }]; });
 * ```
 */
export function Security<D extends Dependable>(dep: D, options?: SecurityOptions): DependsMarker<DependableValue<D>> {
  return new DependsMarker(dep, options);
}
