// The flattened dependency graph (dependencies/flat.ts) against the general solver it stands for: on random graphs
// of sync, async and generator dependencies, with valid, invalid and missing inputs at any level, both must call the
// same dependencies in the same order and give the same values (keys in the same order), errors, body and cleanups.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileOperation, type Dependant } from "../src/dependencies/dependant.ts";
import { Depends, dependency, Security, type Dependable } from "../src/dependencies/depends.ts";
import { flattenGraph, solveFlat } from "../src/dependencies/flat.ts";
import { graphState, solveDependant } from "../src/dependencies/solve.ts";
import type { Teardown } from "../src/dependencies/teardown.ts";
import { Body, Query } from "../src/params/markers.ts";
import { Request } from "../src/request.ts";
import { SecurityScopes } from "../src/security/scopes.ts";

type Kind = "sync" | "async" | "gen" | "asyncGen" | "throws";
interface Spec { kind: Kind; query: boolean; request: boolean; scopes: boolean; children: Spec[]; effectOnly: boolean[] }

/** A node whose dependencies go at most `depth` levels further down. */
function specAt(depth: number): fc.Arbitrary<Spec> {
  return fc.record({
    kind: fc.constantFrom<Kind>("sync", "sync", "async", "async", "gen", "asyncGen", "throws"),
    query: fc.boolean(),
    request: fc.boolean(),
    scopes: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(specAt(depth - 1), { maxLength: 3 }),
    effectOnly: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  });
}
const spec = specAt(3);

/** Builds the dependables of `root`'s children (each a new dependable: no one appears twice) and the operation. */
function build(root: Spec, log: string[]): Dependant {
  let n = 0;
  const make = (s: Spec): Dependable => {
    const name = `d${n++}`;
    const params: Record<string, unknown> = {};
    const dependencies: ReturnType<typeof Depends>[] = [];
    s.children.forEach((c, i) => {
      const marker = i === 0 && s.scopes ? Security(make(c), { scopes: [name] }) : Depends(make(c));
      if (s.effectOnly[i]) dependencies.push(marker);
      else params[`${name}_c${i}`] = marker;
    });
    if (s.query) params[`${name}_q`] = Query(z.int().min(0), { alias: name });
    // The request as a node's only parameter: still solved (flat.ts skips solving only for a node declaring nothing).
    if (s.request) params[`${name}_request`] = Request;
    if (s.scopes) params[`${name}_scopes`] = SecurityScopes;
    const body = (args: Record<string, unknown>): string => {
      log.push(`${name}(${JSON.stringify(Object.keys(args))})`);
      return `${name}:${Object.keys(args).length}`;
    };
    const fns: Record<Kind, (args: Record<string, unknown>) => unknown> = {
      sync: body,
      async: async (args) => body(args),
      *gen(args) { yield body(args); log.push(`${name} exit`); },
      async *asyncGen(args) { yield body(args); },
      throws: (args) => { body(args); throw new Error(name); },
    };
    const dep = dependency({ params: params as never }, fns[s.kind] as never);
    // Dependencies run for their effect only are declared on the dependable itself.
    return dependencies.length ? Object.assign(dep, { params: { ...params, ...Object.fromEntries(dependencies.map((d, i) => [`${name}_e${i}`, d])) } }) : dep;
  };
  const params: Record<string, unknown> = {};
  root.children.forEach((c, i) => (params[`c${i}`] = Depends(make(c))));
  if (root.query) params.q = Query(z.int());
  return compileOperation(params as never, [], []);
}

type Outcome = { values?: Record<string, unknown>; keys?: string[]; errors?: unknown; body?: unknown; thrown?: string; log: string[]; cleanups: string[] };

async function outcome(root: Spec, query: string, flat: boolean): Promise<Outcome> {
  const log: string[] = [];
  const d = build(root, log);
  const request = new Request({ method: "GET", url: `http://t/p?${query}`, headers: new Headers(), body: null });
  const ctx = { request, response: null, strictContentType: true };
  const cleanups: Teardown[] = [];
  try {
    const graph = flattenGraph(d);
    if (!graph) throw new Error("not flattened");
    const r = await (flat ? solveFlat(graph, {}, ctx, cleanups) : solveDependant(d, {}, ctx, graphState(undefined, cleanups)));
    const values = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v instanceof SecurityScopes ? `scopes:${v.scopeStr}` : v === request ? "the request" : v]));
    return { values, keys: Object.keys(r.values), errors: r.errors, body: r.body, log, cleanups: cleanups.map((c) => c.name) };
  } catch (error) {
    return { thrown: (error as Error).message, log, cleanups: cleanups.map((c) => c.name) };
  }
}

describe("dependency graphs: the flattened solver", () => {
  it("gives what the general solver gives, on random graphs and inputs", async () => {
    const query = fc.array(fc.tuple(fc.constantFrom("d0", "d1", "d2", "d3", "d4", "q"), fc.constantFrom("1", "-1", "x")), { maxLength: 6 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
    await fc.assert(fc.asyncProperty(spec, query, async (root, q) => {
      expect(await outcome(root, q, true)).toStrictEqual(await outcome(root, q, false));
    }), { numRuns: 600 });
  });

  it("gives the same body for a 422 when only a dependency reads the body", async () => {
    const item = z.object({ name: z.string(), price: z.number() });
    const solve = async (raw: string, flat: boolean) => {
      const checked = dependency({ params: { item: Body(item, { embed: true }), q: Query(z.int()) } }, async ({ item }) => item.name);
      const d = compileOperation({ name: Depends(checked) } as never, [], []);
      const request = Request.fromWeb(new globalThis.Request("http://t/p?q=x", { method: "POST", headers: { "content-type": "application/json" }, body: raw }));
      const ctx = { request, response: null, strictContentType: true };
      const graph = flattenGraph(d)!;
      try {
        const r = await (flat ? solveFlat(graph, {}, ctx, []) : solveDependant(d, {}, ctx, graphState(undefined)));
        return { values: r.values, errors: r.errors, body: r.body };
      } catch (error) {
        // Malformed JSON is answered before any dependency runs: the same error either way.
        const { name, message, errors } = error as { name: string; message: string; errors?: unknown };
        return { thrown: { name, message, errors } };
      }
    };
    for (const raw of ['{"item": {"name": "a"}}', '{"item": {"name": "a", "price": 1}}', "not json"]) {
      const general = await solve(raw, false);
      expect(await solve(raw, true), raw).toStrictEqual(general);
    }
  });

  it("leaves a graph where a dependable appears twice to the general solver", () => {
    const shared = dependency({ params: {} }, () => 1);
    const a = dependency({ params: { s: Depends(shared) } }, ({ s }) => s);
    expect(flattenGraph(compileOperation({ a: Depends(a), s: Depends(shared) } as never, [], []))).toBeNull();
    expect(flattenGraph(compileOperation({ a: Depends(a) } as never, [], []))).not.toBeNull();
  });
});
