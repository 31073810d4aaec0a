// The linear router skips a parameterized route whose leading text a path lacks, without running its regular
// expression (router.ts). On random route tables and paths it must route exactly as trying every route in order does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePath, LinearRouter, type CompiledPath } from "../src/router.ts";

const segment = fc.constantFrom("items", "item", "users", "me", "a.b", "x+y", "{id}", "{id:int}", "{rest:path}", "{n:float}", "");
const template = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => {
  let seen = 0;
  // Parameter names must differ within a template.
  return `/${parts.map((p) => p.replace(/\{(\w+)/, (_, name: string) => `{${name}${seen++}`)).join("/")}`;
});
const pathOf = fc.array(fc.constantFrom("items", "item", "users", "me", "a.b", "axb", "x+y", "42", "4.2", ""), { minLength: 1, maxLength: 4 })
  .map((parts) => `/${parts.join("/")}`);
const methods = fc.constantFrom(["GET"], ["POST"], ["GET", "POST"], ["GET", "HEAD"], []);

/** Tries every route in order, as the router did before the shortcut. */
function reference(routes: { methods: readonly string[]; path: CompiledPath }[], method: string, path: string): unknown {
  let partial: string[] | undefined;
  for (const [i, r] of routes.entries()) {
    const m = r.path.regex ? r.path.regex.exec(path) : r.path.format === path ? [] : null;
    if (m === null) continue;
    const allowed = [...r.methods];
    const params = Object.fromEntries(r.path.names.map((n, k) => [n, m[k + 1]]));
    if (!r.methods.length || allowed.includes(method)) return { handler: i, params };
    partial ??= allowed;
  }
  return partial ? { allowed: partial } : null;
}

describe("the linear router's leading-text shortcut", () => {
  it("routes random tables and paths as trying every route in order does", () => {
    fc.assert(fc.property(fc.array(fc.tuple(methods, template), { minLength: 1, maxLength: 6 }), pathOf, fc.constantFrom("GET", "HEAD", "POST"),
      (table, path, method) => {
        const routes = table.map(([m, t]) => ({ methods: m, path: compilePath(t) }));
        const router = new LinearRouter<number>();
        routes.forEach((r, i) => router.add(r.methods, r.path.format, i, r.path));
        expect(router.match(method, path)).toEqual(reference(routes, method, path));
      }), { numRuns: 2000 });
  });

  it("tries a path compiled by other means on every request (no leading text is assumed)", () => {
    const router = new LinearRouter<string>();
    router.add(["GET"], "/anything/{x}", "custom", { format: "/anything/{x}", names: ["x"], regex: /^\/other\/([^/]+)$/ });
    expect(router.match("GET", "/other/1")).toEqual({ handler: "custom", params: { x: "1" } });
  });
});
