import type { ValidationErrorItem } from "../exceptions.ts";
import type { ParamsDeclaration } from "../params/markers.ts";
import { compileParams, finalizeBodies, type ParamPlan } from "../params/plan.ts";
import { solveParams, type SolveContext } from "../params/solve.ts";
import { DependsMarker, type Dependable } from "./depends.ts";

/** A compiled node of the dependency graph: its own parameter plan and its sub-dependencies. */
export interface Dependant {
  /** Identity used for the per-request cache and for overrides. */
  source: Dependable | null;
  /** The function to call with the solved values (`null` for the operation itself). */
  call: ((args: Record<string, unknown>) => unknown) | null;
  name: string;
  plan: ParamPlan;
  deps: { key: string | null; useCache: boolean; dependant: Dependant }[];
}

/** Replacements of dependencies, e.g. in tests (`app.dependencyOverrides.set(getDb, fakeDb)`). */
export type DependencyOverrides = Map<Dependable, Dependable>;

function declaration(dep: Dependable): { params: ParamsDeclaration; call: (args: Record<string, unknown>) => unknown; name: string } {
  if (typeof dep === "function") return { params: {}, call: () => (dep as () => unknown)(), name: dep.name };
  return { params: dep.params, call: (args) => dep.call(args as never), name: dep.name };
}

/** Compiles one dependable (recursively) for a route whose path has `pathNames`. */
export function compileDependable(dep: Dependable, pathNames: readonly string[], seen: Dependable[] = []): Dependant {
  if (seen.includes(dep)) throw new Error(`Dependency cycle through '${dep.name}'`);
  const d = declaration(dep);
  return compileNode(dep, d.call, d.name, d.params, [], pathNames, [...seen, dep]);
}

function compileNode(source: Dependable | null, call: Dependant["call"], name: string, params: ParamsDeclaration,
  extra: readonly DependsMarker[], pathNames: readonly string[], seen: Dependable[]): Dependant {
  const plan = compileParams(params, pathNames);
  const edges = [...extra.map((marker) => ({ key: null, marker })), ...plan.deps];
  return {
    source, call, name, plan,
    deps: edges.map(({ key, marker }) => ({ key, useCache: marker.useCache, dependant: compileDependable(marker.dependency, pathNames, seen) })),
  };
}

/** Compiles an operation: its `params`, plus `dependencies` run for their effect (outer ones first). */
export function compileOperation(params: ParamsDeclaration, dependencies: readonly DependsMarker[], pathNames: readonly string[]): Dependant {
  const root = compileNode(null, null, "", params, dependencies, pathNames, []);
  finalizeBodies(flatPlans(root));
  return root;
}

/** Every parameter plan of the graph, depth first (dependencies before the declaring node, as FastAPI flattens). */
export function flatPlans(root: Dependant): ParamPlan[] {
  const out: ParamPlan[] = [];
  const visit = (d: Dependant): void => {
    for (const e of d.deps) visit(e.dependant);
    out.push(d.plan);
  };
  visit(root);
  return out;
}

/** A cleanup registered by a generator dependency. */
type Cleanup = AsyncGenerator<unknown, unknown, unknown> | Generator<unknown, unknown, unknown>;

/** Per-request state of a graph resolution. */
export interface GraphState {
  cache: Map<Dependable, unknown>;
  cleanups: Cleanup[];
  overrides: DependencyOverrides | undefined;
  /** Compiles an override on first use (per route). */
  compileOverride: (dep: Dependable) => Dependant;
}

function isGenerator(v: unknown): v is Cleanup {
  return typeof v === "object" && v !== null && typeof (v as Cleanup).next === "function" && typeof (v as Cleanup).throw === "function"
    && (Symbol.asyncIterator in v || Symbol.iterator in v);
}

/**
 * Solves a node: sub-dependencies first (cached per request), then its own parameters. Errors of the whole
 * graph are collected; a dependency whose inputs are invalid is not called.
 */
export async function solveDependant(d: Dependant, pathParams: Record<string, string>, ctx: SolveContext, state: GraphState):
  Promise<{ values: Record<string, unknown>; errors: ValidationErrorItem[]; body?: unknown }> {
  const values: Record<string, unknown> = {};
  const errors: ValidationErrorItem[] = [];
  let body: unknown;
  for (const edge of d.deps) {
    let sub = edge.dependant;
    const replacement = sub.source ? state.overrides?.get(sub.source) : undefined;
    if (replacement) sub = state.compileOverride(replacement);
    const key = sub.source;
    if (edge.useCache && key && state.cache.has(key)) {
      if (edge.key) values[edge.key] = state.cache.get(key);
      continue;
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
      state.cleanups.push(gen);
      value = step.value;
    } else {
      value = await value;
    }
    if (key) state.cache.set(key, value);
    if (edge.key) values[edge.key] = value;
  }
  const own = await solveParams(d.plan, pathParams, ctx);
  errors.push(...own.errors);
  Object.assign(values, own.values);
  return { values, errors, body: body ?? own.body };
}

/**
 * Runs generator dependencies' code after `yield`, in reverse order. An error is thrown into each generator at
 * its `yield` (so `try/catch/finally` work); what a generator raises replaces it. A generator that swallows the
 * error does not turn it into a success: the original error still propagates.
 */
export async function runCleanups(cleanups: Cleanup[], error?: { error: unknown }): Promise<void> {
  let failure = error;
  while (cleanups.length) {
    const gen = cleanups.pop()!;
    try {
      if (failure) await gen.throw(failure.error);
      else await gen.next();
    } catch (e) {
      failure = { error: e };
    }
  }
  if (failure) throw failure.error;
}
