// Stack mapping on real stacks: projects bundled by compileProject (native esbuild), linked to the
// runtime and zod built as the site builds them, run by V8 in a Node worker thread, whose stacks are
// renamed as the app worker renames them and then mapped back to the project's files.
import * as esbuild from "esbuild";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileProject, linkBundle, VENDOR_PLACEHOLDER } from "./compile.ts";
import { ModuleNames, PROJECT_MODULE } from "./module-names.ts";
import { BundleStacks, inlineSourceMap } from "./stack.ts";
import type { ProjectFiles } from "./types.ts";

const root = join(import.meta.dirname, "../../..");
let dir: string;
let runs = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fastapi-ts-stack-"));
  // As scripts/build-vendor.ts builds them: minified, names kept, zod shared through the placeholder.
  const common = { bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, keepNames: true, logLevel: "silent" } as const;
  await esbuild.build({ ...common, entryPoints: [join(root, "node_modules/zod/index.js")], outfile: join(dir, "zod.js") });
  await esbuild.build({
    ...common,
    entryPoints: [join(root, "runtime/src/index.ts")],
    outfile: join(dir, "fastapi-ts.raw.js"),
    plugins: [{ name: "zod", setup: (b) => b.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({ path: `${VENDOR_PLACEHOLDER}zod.js`, external: true })) }],
  });
  const runtime = await readFile(join(dir, "fastapi-ts.raw.js"), "utf8");
  await writeFile(join(dir, "fastapi-ts.js"), linkBundle(runtime, (file) => pathToFileURL(join(dir, file)).href));
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

interface Outcome {
  /** The stack of an exception while the module loaded. */
  stack?: string;
  /** The answer's status and what the app wrote to console.error, after a request to `path`. */
  status?: number;
  errors: string[];
}

/** Bundles `files`, runs the bundle in V8 (a Node worker thread), requests `path`; stacks come back renamed as the app worker renames them. */
async function run(files: ProjectFiles, path = "/"): Promise<{ bundle: string; outcome: Outcome }> {
  const built = await compileProject(esbuild, files);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join("; "));
  const bundleFile = join(dir, `bundle-${++runs}.js`);
  await writeFile(bundleFile, linkBundle(built.code, (file) => pathToFileURL(join(dir, file)).href));
  const names = new ModuleNames();
  names.add(pathToFileURL(bundleFile).href, PROJECT_MODULE);
  for (const file of ["fastapi-ts.js", "zod.js"]) names.add(pathToFileURL(join(dir, file)).href, file);
  const script = `
    const { parentPort, workerData } = require("node:worker_threads");
    const errors = [];
    console.error = (...args) => errors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" "));
    (async () => {
      try {
        const { app } = await import(workerData.url);
        const response = await app.fetch(new Request("http://app.test" + workerData.path));
        parentPort.postMessage({ status: response.status, errors });
      } catch (error) {
        parentPort.postMessage({ stack: error.stack, errors });
      }
    })();`;
  const worker = new Worker(script, { eval: true, workerData: { url: pathToFileURL(bundleFile).href, path } });
  const raw = await new Promise<Outcome>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  const outcome: Outcome = { ...raw, errors: raw.errors.map((e) => names.rename(e)) };
  if (raw.stack) outcome.stack = names.rename(raw.stack);
  return { bundle: built.code, outcome };
}

const throwingHandler: ProjectFiles = {
  "main.ts": [
    'import { FastAPI } from "fastapi-ts";',
    'import { findItem } from "./items.ts";',
    "",
    "export const app = new FastAPI();",
    "",
    'app.get("/items/{name}", async function read_item() {',
    '  return findItem("portal gun");',
    "});",
    "",
  ].join("\n"),
  "items.ts": [
    "interface Item { name: string }",
    "",
    "const items: Item[] = [];",
    "",
    "export function findItem(name: string): Item {",
    "  const found = items.find((item) => item.name === name);",
    "  if (!found) throw new Error(`No item named ${name}`);",
    "  return found;",
    "}",
    "",
  ].join("\n"),
};

describe("BundleStacks", () => {
  it("maps a handler's exception, logged by the runtime, to the reader's files and names the runtime's frames", async () => {
    const { bundle, outcome } = await run(throwingHandler, "/items/x");
    expect(outcome.status).toBe(500);
    const logged = outcome.errors.join("\n");
    expect(logged).toContain(PROJECT_MODULE); // the raw stack points into the bundle

    const { text, location } = new BundleStacks(bundle).mapText(logged);
    expect(text).toContain("Error: No item named portal gun");
    expect(text).toMatch(/at findItem \(items\.ts:7:21\)/);
    expect(text).toMatch(/at \S*read_item .*\(main\.ts:7:10\)/);
    expect(text).toMatch(/\(fastapi-ts\)$/m);
    expect(text).not.toContain(PROJECT_MODULE);
    expect(text).not.toContain("fastapi-ts.js");
    expect(text).not.toContain("file://");
    expect(location).toEqual({ file: "items.ts", line: 7, column: 21, lineText: "  if (!found) throw new Error(`No item named ${name}`);" });
  });

  it("locates an exception thrown while the app starts", async () => {
    const files = { "main.ts": 'import { FastAPI } from "fastapi-ts";\n\nexport const app = new FastAPI();\nconst port = Number("eighty");\nif (Number.isNaN(port)) throw new RangeError("port must be a number");\n' };
    const { bundle, outcome } = await run(files);
    expect(outcome.stack).toBeDefined();
    const problem = new BundleStacks(bundle).locate({ kind: "runtime", message: "RangeError: port must be a number", stack: outcome.stack! });
    expect(problem.location).toMatchObject({ file: "main.ts", line: 5, column: 31, lineText: 'if (Number.isNaN(port)) throw new RangeError("port must be a number");' });
    expect(problem.stack).toMatch(/^RangeError: port must be a number\n\s+at .*main\.ts:5:31/);
  });

  it("locates a ZodError thrown at startup in the reader's line", async () => {
    const files = { "main.ts": 'import { FastAPI } from "fastapi-ts";\nimport { z } from "zod";\n\nexport const app = new FastAPI();\nexport const port = z.number().parse("eighty");\n' };
    const { bundle, outcome } = await run(files);
    const problem = new BundleStacks(bundle).locate({ kind: "runtime", message: "ZodError", stack: outcome.stack! });
    expect(problem.location).toMatchObject({ file: "main.ts", line: 5, lineText: 'export const port = z.number().parse("eighty");' });
    expect(problem.stack).toContain("Invalid input: expected number, received string");
    expect(problem.stack).not.toContain(PROJECT_MODULE);
  });

  it("leaves text without frames alone, and drops frames of modules it does not know", () => {
    const stacks = new BundleStacks("export {};\n");
    expect(stacks.mapText("saying hello to ada")).toEqual({ text: "saying hello to ada" });
    const { text, location } = stacks.mapText("Error: x\n    at run (blob:null/3f2c:1:200)\n    at boom (zod.js:1:50)\n    at async Promise.all (index 0)");
    expect(text).toBe("Error: x\n    at boom (zod)\n    at async Promise.all (index 0)");
    expect(location).toBeUndefined();
  });

  it("reads Firefox's and Safari's frame format too", async () => {
    const { bundle, outcome } = await run(throwingHandler, "/items/x");
    const v8 = outcome.errors.join("\n");
    // The same positions written as `fn@url:line:column`.
    const firefox = v8.replace(/^\s+at (?:async )?(.+?) \((.*)\)$/gm, "$1@$2");
    const { text, location } = new BundleStacks(bundle).mapText(firefox);
    expect(text).toMatch(/^findItem@items\.ts:7:21$/m);
    expect(location).toMatchObject({ file: "items.ts", line: 7 });
  });
});

describe("inlineSourceMap", () => {
  it("reads the map compileProject puts in the bundle, with the project's own file names", async () => {
    const built = await compileProject(esbuild, throwingHandler);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(inlineSourceMap(built.code)?.sources).toEqual(["project:main.ts", "project:items.ts"]);
    expect(inlineSourceMap("export {};\n")).toBeUndefined();
  });
});
