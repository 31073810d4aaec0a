import type { ValidationErrorItem } from "../exceptions.ts";
import { solveParams, type SolveContext, type SolvedParams } from "../params/solve.ts";
import { isThenable } from "../promises.ts";
import type { Dependable } from "./depends.ts";
import { overrideNode, type Dependant, type DependencyOverrides } from "./dependant.ts";
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

/** A fresh per-request state. */
export function graphState(overrides: DependencyOverrides | undefined): GraphState {
  return { cache: new Map(), cleanups: [], overrides: overrides?.size ? overrides : undefined };
}

type Generatorish = AsyncGenerator<unknown, unknown, unknown> | Generator<unknown, unknown, unknown>;

function isGenerator(v: unknown): v is Generatorish {
  return typeof v === "object" && v !== null && typeof (v as Generatorish).next === "function" && typeof (v as Generatorish).throw === "function"
    && (Symbol.asyncIterator in v || Symbol.iterator in v);
}

/**
 * Solves a node: sub-dependencies first (cached per request, overrides applied), then its own parameters. Errors of
 * the whole graph are collected; a dependency whose inputs are invalid is not called. A generator dependency runs up
 * to its `yield` and is recorded in `state.cleanups`.
 */
export async function solveDependant(d: Dependant, pathParams: Record<string, string>, ctx: SolveContext, state: GraphState): Promise<SolvedParams> {
  const values: Record<string, unknown> = {};
  const errors: ValidationErrorItem[] = [];
  let body: unknown;
  for (const edge of d.deps) {
    let sub = edge.dependant;
    const replacement = state.overrides && sub.source ? state.overrides.get(sub.source) : undefined;
    if (replacement) sub = overrideNode(sub, replacement);
    const source = sub.source!;
    if (edge.useCache) {
      const hit = state.cache.get(source);
      if (hit?.has(sub.cacheKey)) {
        if (edge.key) values[edge.key] = hit.get(sub.cacheKey);
        continue;
      }
    }
    const r = await solveDependant(sub, pathParams, ctx, state);
    body ??= r.body;
    if (r.errors.length) {
      errors.push(...r.errors);
      continue;
    }
    let value = sub.call!(r.values);
    if (isGenerator(value)) {
      const gen = value;
      const step = await gen.next();
      if (step.done) throw new Error(`The generator dependency "${sub.name}" did not yield`);
      state.cleanups.push({ gen, scope: sub.scope ?? "request", name: sub.name });
      value = step.value;
    } else if (isThenable(value)) {
      // Perf: only a promise (or thenable) is awaited: a synchronous dependency's value costs no microtask turn.
      value = await value;
    }
    let byKey = state.cache.get(source);
    if (!byKey) state.cache.set(source, (byKey = new Map()));
    byKey.set(sub.cacheKey, value);
    if (edge.key) values[edge.key] = value;
  }
  const solving = solveParams(d.plan, pathParams, ctx);
  const own = solving instanceof Promise ? await solving : solving;
  errors.push(...own.errors);
  Object.assign(values, own.values);
  for (const k of d.plan.securityScopes) values[k] = d.securityScopes;
  return { values, errors, body: body ?? own.body };
}
