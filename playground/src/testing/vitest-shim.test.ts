import { describe, expect, it } from "vitest";
import * as shim from "./vitest-shim.ts";

describe("the browser's vitest", () => {
  it("runs suites, hooks and each, and reports failures with vitest's messages and a diff", async () => {
    const order: string[] = [];
    shim.describe("items", () => {
      shim.beforeEach(() => void order.push("before"));
      shim.it("reads an item", () => {
        order.push("test");
        shim.expect({ name: "Foo", price: 1 }).toEqual({ name: "Foo", price: 1 });
      });
      shim.it("rejects a bad item", () => {
        shim.expect({ detail: [{ type: "missing" }] }).toEqual({ detail: [{ type: "int_parsing" }] });
      });
      shim.it.each([[1, 2], [2, 3]])("adds one to %s", (a, b) => shim.expect((a as number) + 1).toBe(b));
      shim.it.todo("later");
      shim.it.fails("is known to fail", () => shim.expect(1).toBe(2));
    });
    const results = await shim.runRegisteredTests();
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ["items › reads an item", "pass"],
      ["items › rejects a bad item", "fail"],
      ["items › adds one to 1", "pass"],
      ["items › adds one to 2", "pass"],
      ["items › later", "todo"],
      ["items › is known to fail", "pass"],
    ]);
    expect(order).toEqual(["before", "test", "before", "before", "before", "before"]);
    const failure = results[1]!.error!;
    expect(failure.message).toContain("expected { detail: [ { type: 'missing' } ] } to deeply equal");
    expect(failure.diff).toContain('-       "type": "int_parsing",');
    expect(failure.diff).toContain('+       "type": "missing",');
    // The stack goes to the executor, which maps it to the reader's main.test.ts.
    expect(failure.stack).toContain("vitest-shim.test.ts");
    expect(await shim.runRegisteredTests()).toEqual([]);
  });

  it("supports asymmetric matchers and async tests", async () => {
    shim.it("matches", async () => {
      await Promise.resolve();
      shim.expect({ a: 1, b: "x" }).toMatchObject({ a: shim.expect.any(Number) });
    });
    const [result] = await shim.runRegisteredTests();
    expect(result?.error?.message).toBeUndefined();
    expect(result).toMatchObject({ status: "pass" });
  });
});
