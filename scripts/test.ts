// `npm test`: every check CI runs, in two lanes once the site is built.
//
//   abuse → build ─┬─ e2e                                         (Chromium; the longest step, so it starts as soon as it can)
//                  └─ unit → package → bench smoke → check        (the other unit tests, npm installs and child runtimes, then the type checker)
//
// The first two steps run alone: the abuse suite's bounds (event-loop stalls, memory, shutdown times) are measured
// inside the server and are kept honest by not sharing the machine; the build is what both lanes need. The other
// unit tests measure nothing, so they run in the second lane rather than delaying the end-to-end tests by two
// minutes. The type checker needs nothing built and runs last in that lane: a lane stops at its first failure,
// and a type error must not hide what the package check and the bench would report. The package check runs
// `npm pack`, which swaps runtime/package.json's exports to dist/ for a moment; nothing in the e2e lane resolves
// the package from Node, and the unit tests run before it in their lane, the bench and the type checker after it.
//
//   node scripts/test.ts            (what `npm test` runs)
//   node scripts/test.ts --serial   one lane, the old order: for a machine with one core
import { spawn } from "node:child_process";

type Step = { name: string; script: string[] };

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const STEP = {
  check: { name: "check", script: ["run", "check"] },
  unit: { name: "unit", script: ["run", "test:unit"] },
  abuse: { name: "abuse", script: ["run", "test:unit", "--", "runtime/test/abuse"] },
  unitShared: { name: "unit", script: ["run", "test:unit", "--", "--exclude", "runtime/test/abuse/**"] },
  build: { name: "build", script: ["run", "build"] },
  e2e: { name: "e2e", script: ["run", "test:e2e"] },
  pkg: { name: "package", script: ["run", "test:package"] },
  bench: { name: "bench", script: ["run", "bench", "--", "--smoke"] },
} satisfies Record<string, Step>;

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0).padStart(4) + " s";
const timings: string[] = [];
/** The last lines of each failed lane step, printed again at the very end: CI often shows only a run's tail. */
const failureTails: string[] = [];
const TAIL_LINES = 60;

/** Runs one npm script; with `prefix`, each output line is labelled so that two lanes stay readable. */
function run(step: Step, prefix: boolean): Promise<void> {
  const begun = performance.now();
  console.log(`test: [${seconds()}] ${step.name}: npm ${step.script.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(npm, step.script, { stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit" });
    const tail: string[] = [];
    const print = (line: string) => {
      console.log(`[${step.name}] ${line}`);
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    };
    if (prefix) {
      for (const stream of [child.stdout!, child.stderr!]) {
        let rest = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          const lines = (rest + chunk).split("\n");
          rest = lines.pop()!;
          for (const line of lines) print(line);
        });
        stream.on("end", () => rest && print(rest));
      }
    }
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const took = ((performance.now() - begun) / 1000).toFixed(0);
      timings.push(`${step.name} ${took} s`);
      if (code === 0) return resolve();
      if (tail.length) failureTails.push(tail.map((line) => `[${step.name}] ${line}`).join("\n"));
      reject(new Error(`${step.name} failed (${signal ?? `exit ${code}`}) after ${took} s`));
    });
  });
}

async function lane(steps: Step[], prefix: boolean): Promise<void> {
  for (const step of steps) await run(step, prefix);
}

try {
  if (process.argv.includes("--serial")) {
    await lane([STEP.check, STEP.unit, STEP.build, STEP.pkg, STEP.e2e, STEP.bench], false);
  } else {
    await lane([STEP.abuse, STEP.build], false);
    // Both lanes run to the end even when one fails, so that one CI run reports every failure.
    const results = await Promise.allSettled([lane([STEP.e2e], true), lane([STEP.unitShared, STEP.pkg, STEP.bench, STEP.check], true)]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed.length) throw new Error(failed.map((r) => (r.reason as Error).message).join("; "));
  }
  console.log(`test: [${seconds()}] all passed (${timings.join(", ")})`);
} catch (error) {
  for (const tail of failureTails) console.error(`\ntest: the end of a failed step's output:\n${tail}`);
  console.error(`test: [${seconds()}] ${(error as Error).message} (${timings.join(", ")})`);
  process.exit(1);
}
