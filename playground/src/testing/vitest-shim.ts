// The "vitest" the browser gives an example's main.test.ts: vitest's own expect (from @vitest/expect,
// on chai, the same matchers and messages as in CI) and a small runner for describe/it/hooks.
// Bundled into vendor/vitest.js; the app worker runs the registered tests and reports each result.
import { ASYMMETRIC_MATCHERS_OBJECT, chai, getState, JestAsymmetricMatchers, JestChaiExpect, JestExtend, setState, type ExpectStatic } from "@vitest/expect";
import { printDiffOrStringify } from "@vitest/utils/diff";
import type { SourceLocation } from "../executor/types.ts";

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);

type Fn = () => unknown;
type Mode = "run" | "skip" | "todo" | "fails";

interface TestCase {
  name: string;
  fn?: Fn;
  mode: Mode;
}

interface Suite {
  name: string;
  tests: (TestCase | Suite)[];
  beforeAll: Fn[];
  afterAll: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
}

/** One test's outcome, as the Tests pane shows it. */
export interface TestResult {
  name: string;
  status: "pass" | "fail" | "skip" | "todo";
  ms: number;
  error?: TestError;
}

/** Why a test failed: the assertion's message, what differs, and where (mapped to the reader's files by the executor). */
export interface TestError {
  message: string;
  diff?: string;
  stack?: string;
  location?: SourceLocation;
}

const newSuite = (name: string): Suite => ({ name, tests: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] });
const root = newSuite("");
let current = root;

function createExpect(): ExpectStatic {
  const expect = ((value: unknown, message?: string) => {
    const state = getState(expect);
    setState({ assertionCalls: state.assertionCalls + 1 }, expect);
    return chai.expect(value, message);
  }) as ExpectStatic;
  Object.assign(expect, chai.expect);
  Object.assign(expect, (globalThis as unknown as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT as symbol]);
  expect.getState = () => getState(expect);
  expect.setState = (state) => setState(state, expect);
  expect.extend = (matchers) => (chai.expect as unknown as { extend(e: ExpectStatic, m: typeof matchers): void }).extend(expect, matchers);
  setState({ assertionCalls: 0, isExpectingAssertions: false, isExpectingAssertionsError: null, expectedAssertionsNumber: null, expectedAssertionsNumberErrorGen: null }, expect);
  return expect;
}

export const expect = createExpect();

function format(template: string, args: unknown[]): string {
  let i = 0;
  return template.replace(/%[sdijo%]/g, (token) => (token === "%%" ? "%" : token === "%j" || token === "%o" ? JSON.stringify(args[i++]) : String(args[i++])));
}

type TestFn = ((name: string, fn?: Fn) => void) & {
  skip: (name: string, fn?: Fn) => void;
  todo: (name: string, fn?: Fn) => void;
  fails: (name: string, fn?: Fn) => void;
  only: (name: string, fn?: Fn) => void;
  each: (cases: readonly unknown[]) => (name: string, fn: (...args: never[]) => unknown) => void;
};

function makeTest(): TestFn {
  const add = (mode: Mode) => (name: string, fn?: Fn) => void current.tests.push({ name, mode: fn ? mode : "todo", ...(fn ? { fn } : {}) });
  const test = add("run") as TestFn;
  test.skip = add("skip");
  test.todo = add("todo");
  test.fails = add("fails");
  test.only = add("run");
  test.each = (cases) => (name, fn) => {
    for (const item of cases) {
      const args = Array.isArray(item) ? item : [item];
      current.tests.push({ name: format(name, args), mode: "run", fn: () => (fn as (...a: unknown[]) => unknown)(...args) });
    }
  };
  return test;
}

export const test = makeTest();
export const it = test;

export function describe(name: string, fn: Fn): void {
  const suite = newSuite(name);
  current.tests.push(suite);
  const parent = current;
  current = suite;
  try {
    fn();
  } finally {
    current = parent;
  }
}
describe.skip = (name: string, _fn: Fn) => void current.tests.push({ name, mode: "skip" });

export const beforeAll = (fn: Fn) => void current.beforeAll.push(fn);
export const afterAll = (fn: Fn) => void current.afterAll.push(fn);
export const beforeEach = (fn: Fn) => void current.beforeEach.push(fn);
export const afterEach = (fn: Fn) => void current.afterEach.push(fn);

function describeError(error: unknown): TestError {
  const e = error as { message?: string; actual?: unknown; expected?: unknown; showDiff?: boolean; stack?: unknown };
  const message = e?.message ?? String(error);
  const described: TestError = typeof e?.stack === "string" ? { message, stack: e.stack } : { message };
  if (e && e.showDiff !== false && "expected" in e && "actual" in e) {
    // The pane shows plain text: drop the terminal colours the diff printer adds.
    const diff = printDiffOrStringify(e.actual, e.expected)?.replace(/\u001b\[\d+m/g, "");
    if (diff) described.diff = diff;
  }
  return described;
}

async function runSuite(suite: Suite, path: string[], eachHooks: { before: Fn[]; after: Fn[] }, results: TestResult[]): Promise<void> {
  const before = [...eachHooks.before, ...suite.beforeEach];
  const after = [...suite.afterEach, ...eachHooks.after];
  for (const hook of suite.beforeAll) await hook();
  for (const item of suite.tests) {
    const name = [...path, item.name].filter(Boolean).join(" › ");
    if ("tests" in item) {
      await runSuite(item, [...path, item.name], { before, after }, results);
      continue;
    }
    if (item.mode === "skip" || item.mode === "todo" || !item.fn) {
      results.push({ name, status: item.mode === "todo" ? "todo" : "skip", ms: 0 });
      continue;
    }
    const started = performance.now();
    let error: unknown;
    let failed = false;
    try {
      for (const hook of before) await hook();
      await item.fn();
    } catch (e) {
      failed = true;
      error = e;
    } finally {
      for (const hook of after) await hook();
    }
    const ms = Math.round(performance.now() - started);
    if (item.mode === "fails") results.push(failed ? { name, status: "pass", ms } : { name, status: "fail", ms, error: { message: "Expected this test to fail, and it passed" } });
    else results.push(failed ? { name, status: "fail", ms, error: describeError(error) } : { name, status: "pass", ms });
  }
  for (const hook of suite.afterAll) await hook();
}

/** Runs every test registered so far, in order; then forgets them. */
export async function runRegisteredTests(): Promise<TestResult[]> {
  const results: TestResult[] = [];
  await runSuite(root, [], { before: [], after: [] }, results);
  root.tests = [];
  return results;
}
