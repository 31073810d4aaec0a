import type { ParamsDeclaration } from "../params/markers.ts";
import { compileParams, finalizeBodies, type ParamPlan } from "../params/plan.ts";
import { SecurityBase } from "../security/base.ts";
import { SecurityScopes } from "../security/scopes.ts";
import type { Dependable, DependencyScope, DependsMarker } from "./depends.ts";

/** A security scheme an operation requires, with the OAuth2 scopes collected down to it. */
export interface SecurityRequirement {
  /** The security dependency (its `schemeName` and `model` are documented). */
  scheme: SecurityBase;
  /** Required scopes (OAuth2 and OpenID Connect only). */
  scopes: readonly string[];
}

/** One use of a sub-dependency by a node. */
export interface DependencyEdge {
  /** The `params` key receiving the value (`null` for `dependencies: [...]`, run for their effect). */
  key: string | null;
  useCache: boolean;
  dependant: Dependant;
}

/** A compiled node of the dependency graph: its own parameter plan and its sub-dependencies. */
export interface Dependant {
  /** Identity used for the per-request cache and for overrides (`null` for the operation itself). */
  source: Dependable | null;
  /** The function to call with the solved values (`null` for the operation itself). */
  call: ((args: Record<string, unknown>) => unknown) | null;
  name: string;
  plan: ParamPlan;
  deps: DependencyEdge[];
  /** OAuth2 scopes required down to this node (outer `Security` scopes first, without duplicates). */
  scopes: readonly string[];
  /** What a `SecurityScopes` declaration of this node receives. */
  securityScopes: SecurityScopes;
  /** The requirement this node adds when it is a security utility. */
  security: SecurityRequirement | null;
  /** Second part of the per-request cache key (scopes and teardown scope), with `source`. */
  cacheKey: string;
  /** Teardown scope declared with `Depends(dep, { scope })`. */
  scope: DependencyScope | undefined;
  /** `true` when the call is a (async) generator function (known at registration). */
  generator: boolean;
  /** Path parameter names of the route (to compile overrides). */
  pathNames: readonly string[];
}

// Kept here for modules written against the first layout (resolution and teardown have their own modules).
export { solveDependant, graphState, type GraphState } from "./solve.ts";
export { runCleanups } from "./teardown.ts";

/** Replacements of dependencies, e.g. in tests (`app.dependencyOverrides.set(getDb, fakeDb)`). */
export type DependencyOverrides = Map<Dependable, Dependable>;

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as FunctionConstructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor as FunctionConstructor;

function isGeneratorFunction(f: unknown): boolean {
  return f instanceof GeneratorFunction || f instanceof AsyncGeneratorFunction;
}

/** `true` for an ES class (which must be constructed with `new`). */
function isClass(f: (...args: never[]) => unknown): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(f));
}

interface Described {
  params: ParamsDeclaration;
  call: (args: Record<string, unknown>) => unknown;
  name: string;
  generator: boolean;
}

/** How to call a dependable: a function, a class (constructed), or an object with `params` and `call`. */
function describe(dep: Dependable): Described {
  if (typeof dep === "function") {
    const params = (dep as { params?: ParamsDeclaration }).params;
    if (isClass(dep as (...args: never[]) => unknown)) {
      const C = dep as new (args: Record<string, unknown>) => unknown;
      return { params: params ?? {}, call: (args) => new C(args), name: dep.name, generator: false };
    }
    const fn = dep as (args?: Record<string, unknown>) => unknown;
    return { params: params ?? {}, call: params ? (args) => fn(args) : () => fn(), name: dep.name, generator: isGeneratorFunction(dep) };
  }
  if (typeof dep === "object" && dep !== null && typeof dep.call === "function" && typeof dep.params === "object") {
    const name = dep.name ?? (dep.constructor !== Object ? dep.constructor.name : "") ?? "";
    return { params: dep.params, call: (args) => dep.call(args as never), name, generator: isGeneratorFunction(dep.call) };
  }
  throw new TypeError("A dependency must be a function, a class, or an object with `params` and `call`");
}

function computedScope(d: { scope: DependencyScope | undefined; generator: boolean }): DependencyScope | undefined {
  return d.scope ?? (d.generator ? "request" : undefined);
}

interface Use {
  scopes: readonly string[];
  scope: DependencyScope | undefined;
}

function build(source: Dependable | null, described: Described, use: Use, parentScopes: readonly string[], extra: readonly DependsMarker[],
  pathNames: readonly string[], seen: readonly Dependable[]): Dependant {
  const scopes = [...new Set([...parentScopes, ...use.scopes])];
  const plan = compileParams(described.params, pathNames);
  const node: Dependant = {
    source, call: source ? described.call : null, name: described.name, plan, deps: [], scopes,
    securityScopes: new SecurityScopes(scopes),
    security: source instanceof SecurityBase ? { scheme: source, scopes: source.usesScopes ? scopes : [] } : null,
    cacheKey: "", scope: use.scope, generator: described.generator, pathNames,
  };
  node.cacheKey = `${[...scopes].sort().join(" ")}|${computedScope(node) ?? ""}`;
  const edges = [...extra.map((marker) => ({ key: null, marker })), ...plan.deps];
  for (const { key, marker } of edges) {
    const child = compileUse(marker.dependency, marker, scopes, pathNames, seen);
    if (source && computedScope(node) === "request" && computedScope(child) === "function") {
      throw new Error(`The dependency "${node.name}" has a scope of "request", it cannot depend on dependencies with scope "function" ("${child.name}")`);
    }
    node.deps.push({ key, useCache: marker.useCache, dependant: child });
  }
  return node;
}

function compileUse(dep: Dependable, use: Use, parentScopes: readonly string[], pathNames: readonly string[], seen: readonly Dependable[]): Dependant {
  if (seen.includes(dep)) throw new Error(`Dependency cycle through '${describe(dep).name}'`);
  return build(dep, describe(dep), use, parentScopes, [], pathNames, [...seen, dep]);
}

/** Compiles one dependable (recursively) for a route whose path has `pathNames`. */
export function compileDependable(dep: Dependable, pathNames: readonly string[]): Dependant {
  return compileUse(dep, { scopes: [], scope: undefined }, [], pathNames, []);
}

/** Compiles an operation: its `params`, plus `dependencies` run for their effect (outer ones first). */
export function compileOperation(params: ParamsDeclaration, dependencies: readonly DependsMarker[], pathNames: readonly string[]): Dependant {
  const root = build(null, { params, call: () => undefined, name: "", generator: false }, { scopes: [], scope: undefined }, [], dependencies, pathNames, []);
  finalizeBodies(flatPlans(root));
  return root;
}

const overridden = new WeakMap<Dependant, Map<Dependable, Dependant>>();

/**
 * The node replacing `original` when `app.dependencyOverrides` maps its dependable to `replacement`: compiled once,
 * in the original's place (same collected scopes and teardown scope).
 */
export function overrideNode(original: Dependant, replacement: Dependable): Dependant {
  let byReplacement = overridden.get(original);
  if (!byReplacement) overridden.set(original, (byReplacement = new Map()));
  let node = byReplacement.get(replacement);
  if (!node) {
    node = build(replacement, describe(replacement), { scopes: [], scope: original.scope }, original.scopes, [], original.pathNames, [replacement]);
    finalizeBodies(flatPlans(node));
    byReplacement.set(replacement, node);
  }
  return node;
}

/** Every parameter plan of the graph, depth first (dependencies before the declaring node). */
export function flatPlans(root: Dependant): ParamPlan[] {
  const out: ParamPlan[] = [];
  const visit = (d: Dependant): void => {
    for (const e of d.deps) visit(e.dependant);
    out.push(d.plan);
  };
  visit(root);
  return out;
}

/**
 * Every parameter plan of the graph in the order FastAPI documents parameters (`get_flat_dependant`): a node's own
 * plan, then its dependencies' (depth first, in order). Solving runs the other way (dependencies first).
 */
export function documentedPlans(root: Dependant): ParamPlan[] {
  const out: ParamPlan[] = [];
  const visit = (d: Dependant): void => {
    out.push(d.plan);
    for (const e of d.deps) visit(e.dependant);
  };
  visit(root);
  return out;
}

/**
 * The security requirements of an operation, as FastAPI flattens them for OpenAPI: a node's own requirement, then
 * its sub-dependencies' (depth first), a dependency used again with the same scopes counted once.
 */
export function flatSecurity(root: Dependant): SecurityRequirement[] {
  const out: SecurityRequirement[] = [];
  const visited = new Map<Dependable, Set<string>>();
  const visit = (d: Dependant): void => {
    if (d.source) {
      let keys = visited.get(d.source);
      if (!keys) visited.set(d.source, (keys = new Set()));
      keys.add(d.cacheKey);
    }
    if (d.security) out.push(d.security);
    for (const { dependant: sub } of d.deps) {
      if (sub.source && visited.get(sub.source)?.has(sub.cacheKey)) continue;
      visit(sub);
    }
  };
  visit(root);
  return out;
}
