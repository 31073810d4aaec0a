/**
 * A dependency graph solved as a list. When no dependable appears twice in an operation's graph and no override
 * applies, the per-request cache can never hit, so the graph's depth-first order is fixed at registration: each node
 * after its dependencies, the operation last. {@link solveFlat} walks that list with one loop (no per-request cache
 * maps, no recursion, one `await` per asynchronous dependency) and gives what `solveDependant` gives: the same calls
 * in the same order, the same values, errors and body. A dependency whose inputs are invalid is not called, and its
 * errors go up to every node above it, as there. `flat-graph-equivalence.test.ts` checks the two against each other.
 * @packageDocumentation
 */
import type { ParamPlan } from "../params/plan.ts";
import { solveParams, type SolveContext, type SolvedParams } from "../params/solve.ts";
import { isThenable } from "../promises.ts";
import type { Dependable } from "./depends.ts";
import type { Dependant } from "./dependant.ts";
import { finishNode, isGenerator, startGenerator, type Gathered } from "./solve.ts";
import type { Teardown } from "./teardown.ts";

/** One node of a flattened graph, and where its dependencies' results are. */
interface FlatStep {
  readonly node: Dependant;
  /**
   * Whether the node declares parameters of its own (`false`: only dependencies, as most links of a chain). Perf:
   * such a node's parameters are not solved at all (`solveParams` of an empty plan gives empty values and no errors,
   * but costs three objects and a walk of every source per request).
   */
  readonly hasParams: boolean;
  /** The node's edges in order: the step solving each, and the `params` key receiving its value. */
  readonly edges: readonly { readonly step: number; readonly key: string | null }[];
}

/** A graph in solving order (the operation last), see the module's note. */
export interface FlatGraph {
  readonly steps: readonly FlatStep[];
}

/** The graph as a list, or `null` when a dependable appears twice (its cache would matter: solve it the general way). */
export function flattenGraph(root: Dependant): FlatGraph | null {
  const steps: FlatStep[] = [];
  const seen = new Set<Dependable>();
  const visit = (d: Dependant): number | null => {
    if (d.source) {
      if (seen.has(d.source)) return null;
      seen.add(d.source);
    }
    const edges: { step: number; key: string | null }[] = [];
    for (const e of d.deps) {
      const step = visit(e.dependant);
      if (step === null) return null;
      edges.push({ step, key: e.key });
    }
    steps.push({ node: d, hasParams: declaresParams(d.plan), edges });
    return steps.length - 1;
  };
  return visit(root) === null ? null : { steps };
}

/** Whether solving `plan`'s parameters can give anything: a parameter, a body, or an injected value. */
function declaresParams(plan: ParamPlan): boolean {
  return plan.path.length > 0 || plan.query.length > 0 || plan.header.length > 0 || plan.cookie.length > 0 || plan.body !== null
    || plan.request.length > 0 || plan.response.length > 0 || plan.injected.length > 0;
}

/** An async generator dependency's first step, to wait for (a yielded value is otherwise kept as it is, even a promise). */
class FirstStep {
  /** Settles once the yielded value is stored. */
  readonly started: Promise<void>;
  constructor(started: Promise<void>) {
    this.started = started;
  }
}

/** One request's walk of a {@link FlatGraph}. */
class FlatRun {
  readonly #steps: readonly FlatStep[];
  readonly #pathParams: Record<string, string>;
  readonly #ctx: SolveContext;
  readonly #cleanups: Teardown[];
  /** Each step's gathered result (its values, errors and body). */
  readonly #solved: SolvedParams[] = [];
  /** Each called step's value. */
  readonly #values: unknown[] = [];

  constructor(graph: FlatGraph, pathParams: Record<string, string>, ctx: SolveContext, cleanups: Teardown[]) {
    this.#steps = graph.steps;
    this.#pathParams = pathParams;
    this.#ctx = ctx;
    this.#cleanups = cleanups;
  }

  /** Solves steps from `i` on; a promise only from the first asynchronous parameter or dependency on. */
  from(i: number): SolvedParams | Promise<SolvedParams> {
    for (; i < this.#steps.length; i++) {
      const step = this.#steps[i]!;
      const own = step.hasParams ? solveParams(step.node.plan, this.#pathParams, this.#ctx) : null;
      if (own instanceof Promise) return this.#resume(i, own, true);
      const pending = this.#call(i, own);
      if (pending !== undefined) return this.#resume(i, pending, false);
    }
    return this.#solved[this.#steps.length - 1]!;
  }

  /** {@link FlatRun.from} once step `i` waits: for its own parameters (`params`), or for its value. */
  async #resume(i: number, waiting: PromiseLike<unknown> | FirstStep, params: boolean): Promise<SolvedParams> {
    let pending = params ? this.#call(i, (await waiting) as SolvedParams) : waiting;
    for (;;) {
      if (pending instanceof FirstStep) await pending.started;
      else if (pending !== undefined) this.#values[i] = await pending;
      if (++i === this.#steps.length) return this.#solved[i - 1]!;
      const step = this.#steps[i]!;
      let own = step.hasParams ? solveParams(step.node.plan, this.#pathParams, this.#ctx) : null;
      if (own instanceof Promise) own = await own;
      pending = this.#call(i, own);
    }
  }

  /**
   * Gathers step `i`'s result (its dependencies' values or errors, then its own parameters) and calls its dependency
   * unless its inputs were invalid; returns what to wait for when the value is not ready (else stores it).
   */
  #call(i: number, own: SolvedParams | null): PromiseLike<unknown> | FirstStep | undefined {
    const step = this.#steps[i]!;
    const d = step.node;
    const acc: Gathered = { values: {}, errors: [], body: undefined };
    for (const e of step.edges) {
      const r = this.#solved[e.step]!;
      acc.body ??= r.body;
      if (r.errors.length) acc.errors.push(...r.errors);
      else if (e.key) acc.values[e.key] = this.#values[e.step];
    }
    const solved = (this.#solved[i] = finishNode(d, own, acc));
    if (d.call === null || solved.errors.length) return undefined;
    const value = d.call(solved.values);
    if (isGenerator(value)) {
      const started = startGenerator(value, d, this.#cleanups, (v) => (this.#values[i] = v));
      return started ? new FirstStep(started) : undefined;
    }
    // Perf: only a promise (or thenable) is waited for: a synchronous dependency's value costs no microtask turn.
    if (isThenable(value)) return value;
    this.#values[i] = value;
    return undefined;
  }
}

/**
 * Solves a flattened graph (see the module's note): the operation's values, errors and body, as `solveDependant`
 * gives them; generator dependencies that have yielded are added to `cleanups` in setup order.
 */
export function solveFlat(graph: FlatGraph, pathParams: Record<string, string>, ctx: SolveContext, cleanups: Teardown[]): SolvedParams | Promise<SolvedParams> {
  return new FlatRun(graph, pathParams, ctx, cleanups).from(0);
}
