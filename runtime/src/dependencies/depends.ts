import type { ParamsDeclaration, ParamValues } from "../params/markers.ts";

/**
 * A dependency with declared parameters: the same shape as a path operation (a `params` declaration plus a
 * function receiving the validated values). Made by {@link dependency}; used with {@link Depends}.
 */
export interface Dependency<P extends ParamsDeclaration = ParamsDeclaration, R = unknown> {
  /** The declared parameters (path, query, header, cookie, body, other dependencies…). */
  readonly params: P;
  /** The dependency's function. */
  call(args: ParamValues<P>): R;
  /** Its name (the function's name). */
  readonly name: string;
}

/** What `Depends` accepts: a declared {@link Dependency}, or a function without parameters. */
export type Dependable = Dependency<ParamsDeclaration, unknown> | (() => unknown);

/** The value a dependency provides: its awaited result, or what its (async) generator yields. */
export type Provided<R> =
  R extends AsyncGenerator<infer Y, unknown, unknown> ? Y
  : R extends Generator<infer Y, unknown, unknown> ? Y
  : Awaited<R>;

/** The value injected for a dependable. */
export type DependableValue<D> =
  D extends Dependency<ParamsDeclaration, infer R> ? Provided<R>
  : D extends () => infer R ? Provided<R>
  : never;

/**
 * Declares a dependency with parameters.
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

/** Options of {@link Depends}. */
export interface DependsOptions {
  /** Reuse the value when the same dependency is needed again in one request (default `true`). */
  useCache?: boolean;
}

/** A use of a dependency in `params` or `dependencies`. Made by {@link Depends}. */
export class DependsMarker<V = unknown> {
  /** Always `"depends"`. */
  readonly source = "depends" as const;
  /** The dependency. */
  readonly dependency: Dependable;
  /** Per-request caching. */
  readonly useCache: boolean;
  /** @internal Type carrier. */
  declare readonly _value: V;
  constructor(dep: Dependable, options: DependsOptions = {}) {
    this.dependency = dep;
    this.useCache = options.useCache !== false;
  }
}

/**
 * Injects what a dependency provides: declare it in `params` (`{ db: Depends(getDb) }`) or run it for its effect
 * in `dependencies: [Depends(verifyToken)]`. Its own parameters are validated and documented as the operation's.
 */
export function Depends<D extends Dependable>(dep: D, options?: DependsOptions): DependsMarker<DependableValue<D>> {
  return new DependsMarker(dep, options);
}
