import type { ValidationErrorItem } from "../exceptions.ts";
import { solveParams, type SolveContext, type SolvedParams } from "../params/solve.ts";
import { isThenable } from "../promises.ts";
import type { Dependable } from "./depends.ts";
import { overrideNode, type Dependant, type DependencyEdge, type DependencyOverrides } from "./dependant.ts";
import type { Teardown } from "./teardown.ts";

/** Per-request state of a graph resolution. */
export interface GraphState {
  /** Values already provided in this request, by dependable then cache key. */
  cache: Map<Dependable, Map<string, unknown>>;
  /** Generator dependencies that have yielded, in setup order. */
  cleanups: Teardown[];
  /** The app's overrides (`undefined` when there are none). */
  overrides: DependencyOverrides | undefined;
}

/** A fresh per-request state (recording yielded generators in `cleanups`). */
export function graphState(overrides: DependencyOverrides | undefined, cleanups: Teardown[] = []): GraphState {
  return { cache: new Map(), cleanups, overrides: overrides?.size ? overrides : undefined };
}

/** @internal A generator dependency's generator. */
export type Generatorish = AsyncGenerator<unknown, unknown, unknown> | Generator<unknown, unknown, unknown>;

/** @internal Whether a dependency gave a generator (it runs up to its `yield`, then its exit code after the response). */
export function isGenerator(v: unknown): v is Generatorish {
  return typeof v === "object" && v !== null && typeof (v as Generatorish).next === "function" && typeof (v as Generatorish).throw === "function"
    && (Symbol.asyncIterator in v || Symbol.iterator in v);
}

/**
 * @internal Runs a generator dependency up to its `yield` and records it in `cleanups` (its exit code runs after the
 * response); `onValue` gets the yielded value. A promise only when the generator is asynchronous.
 */
export function startGenerator(gen: Generatorish, sub: Dependant, cleanups: Teardown[], onValue: (value: unknown) => void): void | Promise<void> {
  const started = (s: IteratorResult<unknown, unknown>): void => {
    if (s.done) throw new Error(`The generator dependency "${sub.name}" did not yield`);
    cleanups.push({ gen, scope: sub.scope ?? "request", name: sub.name });
    onValue(s.value);
  };
  const step = gen.next();
  return isThenable(step) ? Promise.resolve(step).then(started) : started(step);
}

/** @internal What a node's resolution has gathered so far. */
export interface Gathered {
  values: Record<string, unknown>;
  errors: ValidationErrorItem[];
  body: unknown;
}

/**
 * Solves a node: sub-dependencies first (cached per request, overrides applied), then its own parameters. Errors of
 * the whole graph are collected; a dependency whose inputs are invalid is not called. A generator dependency runs up
 * to its `yield` and is recorded in `state.cleanups`. Perf: returns the result itself when nothing in the graph was
 * asynchronous, and otherwise continues from the first promise it meets (same order of calls, values and errors):
 * synchronous dependencies cost no promise and no microtask turn.
 */
export function solveDependant(d: Dependant, pathParams: Record<string, string>, ctx: SolveContext, state: GraphState): SolvedParams | Promise<SolvedParams> {
  return solveFrom(d, 0, pathParams, ctx, state, { values: {}, errors: [], body: undefined });
}

function solveFrom(d: Dependant, from: number, pathParams: Record<string, string>, ctx: SolveContext, state: GraphState,
  acc: Gathered): SolvedParams | Promise<SolvedParams> {
  for (let i = from; i < d.deps.length; i++) {
    const edge = d.deps[i]!;
    const sub = uncachedNode(edge, state, acc);
    if (!sub) continue;
    const solved = solveDependant(sub, pathParams, ctx, state);
    if (solved instanceof Promise) return solveRest(d, i, sub, solved, pathParams, ctx, state, acc);
    const pending = provide(edge.key, sub, solved, state, acc);
    if (pending) return solveRest(d, i, sub, pending, pathParams, ctx, state, acc);
  }
  const solving = solveParams(d.plan, pathParams, ctx);
  return solving instanceof Promise ? solving.then((own) => finishNode(d, own, acc)) : finishNode(d, solving, acc);
}

/**
 * `solveFrom` once edge `at` is waiting (its graph, or its dependency's promise): that edge is finished, then the
 * rest solved from the next edge on. Perf: an `await` of a native promise is one microtask turn, where a `then` whose
 * callback returns a promise costs three: a chain of async dependencies resolves in about half the turns.
 */
async function solveRest(d: Dependant, at: number, sub: Dependant, waiting: Promise<SolvedParams> | Promise<void>, pathParams: Record<string, string>,
  ctx: SolveContext, state: GraphState, acc: Gathered): Promise<SolvedParams> {
  const ready = await waiting;
  // A graph was waited for: its dependency is called now (a dependency's own promise was provided already).
  if (ready) {
    const pending = provide(d.deps[at]!.key, sub, ready, state, acc);
    if (pending) await pending;
  }
  return solveFrom(d, at + 1, pathParams, ctx, state, acc);
}

/**
 * The node `edge` solves, overrides applied; or `undefined` when its value is already in the request's cache (then
 * it is recorded under the edge's key).
 */
function uncachedNode(edge: DependencyEdge, state: GraphState, acc: Gathered): Dependant | undefined {
  let sub = edge.dependant;
  const replacement = state.overrides && sub.source ? state.overrides.get(sub.source) : undefined;
  if (replacement) sub = overrideNode(sub, replacement);
  if (edge.useCache) {
    const hit = state.cache.get(sub.source!);
    if (hit?.has(sub.cacheKey)) {
      if (edge.key) acc.values[edge.key] = hit.get(sub.cacheKey);
      return undefined;
    }
  }
  return sub;
}

/** Calls a solved dependency (unless its inputs were invalid) and records its value; a promise only when it is async. */
function provide(key: string | null, sub: Dependant, r: SolvedParams, state: GraphState, acc: Gathered): void | Promise<void> {
  acc.body ??= r.body;
  if (r.errors.length) {
    acc.errors.push(...r.errors);
    return;
  }
  const value = sub.call!(r.values);
  if (isGenerator(value)) return startGenerator(value, sub, state.cleanups, (v) => store(key, sub, v, state, acc));
  // Perf: only a promise (or thenable) is awaited: a synchronous dependency's value costs no microtask turn.
  if (isThenable(value)) return Promise.resolve(value).then((v) => store(key, sub, v, state, acc));
  store(key, sub, value, state, acc);
}

function store(key: string | null, sub: Dependant, value: unknown, state: GraphState, acc: Gathered): void {
  const source = sub.source!;
  let byKey = state.cache.get(source);
  if (!byKey) state.cache.set(source, (byKey = new Map()));
  byKey.set(sub.cacheKey, value);
  if (key) acc.values[key] = value;
}

/**
 * @internal A node's result: what its dependencies gave (`acc`, completed and returned), then its own parameters
 * (`null`: it declares none) and security scopes.
 */
export function finishNode(d: Dependant, own: SolvedParams | null, acc: Gathered): SolvedParams {
  if (own !== null) {
    if (own.errors.length) acc.errors.push(...own.errors);
    Object.assign(acc.values, own.values);
    acc.body ??= own.body;
  }
  for (const k of d.plan.securityScopes) acc.values[k] = d.securityScopes;
  return acc;
}
