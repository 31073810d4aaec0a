// Builds the browser copies of what the playground loads at run time into static/vendor/:
// the runtime and zod as ES modules for the app's Web Worker, esbuild's wasm, the browser
// pane's shim, and the Swagger UI and ReDoc assets. Everything is served from our own origin:
// the site works offline.
import { build, type Plugin } from "esbuild";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { docsAssets, readDocsAsset } from "fastapi-ts/node";
import { VENDOR_PLACEHOLDER } from "../playground/src/executor/compile.ts";
import { NODE_RUNTIME } from "../playground/src/executor/container-files.ts";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static", "vendor");
/** A package's folder: npm hoists the workspace's dependencies to the root's node_modules. */
const pkgDir = (name: string) => join(root, "node_modules", name);

/**
 * Bare `zod` imports in the runtime bundle point at the shared zod module, so the app and the runtime
 * see one zod. The app worker links the placeholder to wherever it loaded zod from (see linkBundle).
 */
const zodExternal: Plugin = {
  name: "zod-external",
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({ path: `${VENDOR_PLACEHOLDER}zod.js`, external: true }));
  },
};

/** Every file below `dir` whose path passes `keep`, relative to `dir`. */
async function listFiles(dir: string, keep: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter(keep)
    .sort();
}

/**
 * The type definitions Monaco needs for completion, hovers and type errors offline: zod's .d.ts files
 * and the runtime's own sources (the sources are the runtime's types), keyed by the path TypeScript
 * resolves them at (`node_modules/<package>/...`).
 */
async function editorTypes(): Promise<Record<string, string>> {
  const types: Record<string, string> = {};
  const zodDir = pkgDir("zod");
  const zodFiles = await listFiles(zodDir, (p) => p.endsWith(".d.ts") && !/^(v3|src|mini|v4-mini|v4\/mini)\//.test(p));
  const runtimeDir = join(root, "runtime");
  const runtimeFiles = await listFiles(join(runtimeDir, "src"), (p) => p.endsWith(".ts") && !p.startsWith("node/"));
  await Promise.all([
    ...zodFiles.map(async (p) => (types[`node_modules/zod/${p}`] = await readFile(join(zodDir, p), "utf8"))),
    ...runtimeFiles.map(async (p) => (types[`node_modules/fastapi-ts/src/${p}`] = await readFile(join(runtimeDir, "src", p), "utf8"))),
  ]);
  types["node_modules/fastapi-ts/index.d.ts"] = 'export * from "./src/index.ts";\n';
  for (const [name, dir, keep] of [
    ["jose", pkgDir("jose"), (p: string) => p.startsWith("dist/types/") && p.endsWith(".d.ts")],
    ["bcryptjs", pkgDir("bcryptjs"), (p: string) => p === "index.d.ts" || p === "types.d.ts"],
    // sql.js ships no types; DefinitelyTyped's need emscripten's.
    ["@types/sql.js", pkgDir("@types/sql.js"), (p: string) => p === "index.d.ts"],
    ["@types/emscripten", pkgDir("@types/emscripten"), (p: string) => p === "index.d.ts"],
  ] as const) {
    for (const p of await listFiles(dir, keep)) types[`node_modules/${name}/${p}`] = await readFile(join(dir, p), "utf8");
  }
  types["node_modules/jose/index.d.ts"] ??= 'export * from "./dist/types/index.js";\n';
  // The GraphQL page's server: graphql-yoga and the packages its types import (ES module typings only).
  for (const name of GRAPHQL_TYPE_PACKAGES) {
    const dir = pkgDir(name);
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { types?: string; typings?: string };
    for (const p of await listFiles(dir, (f) => f.endsWith(".d.ts") && !f.includes("node_modules/") && !f.startsWith("dist/commonjs/"))) {
      types[`node_modules/${name}/${p}`] = await readFile(join(dir, p), "utf8");
    }
    const entry = (manifest.types ?? manifest.typings ?? "index.d.ts").replace(/^\.\//, "").replace(/dist\/commonjs\//, "dist/esm/");
    if (entry !== "index.d.ts") types[`node_modules/${name}/index.d.ts`] ??= `export * from "./${entry.replace(/\.d\.ts$/, ".js")}";\n`;
  }
  types["node_modules/vitest/index.d.ts"] = await readFile(join(root, "playground/src/testing/vitest-editor.d.ts.txt"), "utf8");
  return types;
}

/** graphql-yoga and every package its type declarations import, for the editor. */
const GRAPHQL_TYPE_PACKAGES = [
  "graphql-yoga", "graphql", "@envelop/core", "@envelop/types", "@envelop/instrumentation", "@whatwg-node/server",
  "@whatwg-node/fetch", "@whatwg-node/promise-helpers", "@whatwg-node/disposablestack", "@graphql-tools/executor",
  "@graphql-tools/schema", "@graphql-tools/utils", "@graphql-yoga/logger", "@graphql-yoga/subscription",
  "@graphql-yoga/typed-event-target", "@repeaterjs/repeater", "lru-cache",
] as const;

/**
 * How every browser file here is bundled. keepNames: the runtime reads class and function names
 * (security scheme names, operation names).
 */
const common = { bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, keepNames: true, legalComments: "none", logLevel: "warning" } as const;

/**
 * The JavaScript modules apps import at run time, built into `dir`: the runtime and zod, the libraries
 * the security pages use, vitest's shim for the Tests pane, and `fastapi-ts-node.js` for the
 * WebContainer executor (see NODE_RUNTIME).
 */
export async function buildVendorModules(dir: string): Promise<void> {
  await Promise.all([
    build({ ...common, entryPoints: [join(pkgDir("zod"), "index.js")], outfile: join(dir, "zod.js") }),
    build({ ...common, entryPoints: [join(root, "runtime/src/index.ts")], outfile: join(dir, "fastapi-ts.js"), plugins: [zodExternal] }),
    // The runtime and its Node adapter in one module, so that the adapter and the app share one copy of
    // the runtime's classes. ws and nunjucks are CommonJS: `require` is given to them for Node built-ins.
    build({
      ...common,
      platform: "node",
      target: "node20",
      stdin: { contents: 'export * from "./runtime/src/index.ts";\nexport * from "./runtime/src/node/index.ts";\n', resolveDir: root, loader: "ts" },
      outfile: join(dir, NODE_RUNTIME),
      banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
      plugins: [zodExternal],
    }),
    // Libraries the security pages' examples import (see PROVIDED_MODULES).
    build({ ...common, entryPoints: [join(pkgDir("jose"), "dist/webapi/index.js")], outfile: join(dir, "jose.js") }),
    build({ ...common, entryPoints: [join(root, "playground/src/testing/vitest-shim.ts")], outfile: join(dir, "vitest.js") }),
    build({ ...common, stdin: { contents: 'export { default } from "bcryptjs"; export * from "bcryptjs";', resolveDir: root }, outfile: join(dir, "bcryptjs.js") }),
    // The GraphQL page mounts a GraphQL Yoga server (graphql itself is bundled into it).
    build({ ...common, entryPoints: [join(pkgDir("graphql-yoga"), "esm/index.js")], outfile: join(dir, "graphql-yoga.js") }),
    // sql.js's browser build, given the wasm the page hands to the app worker (vendor-wasm.ts).
    build({ ...common, entryPoints: [join(root, "playground/src/vendor/sql-js.ts")], outfile: join(dir, "sql-js.js") }),
    cp(join(pkgDir("sql.js"), "dist/sql-wasm-browser.wasm"), join(dir, "sql-wasm.wasm")),
  ]);
}

export async function buildVendor(): Promise<void> {
  const started = performance.now();
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await Promise.all([
    buildVendorModules(out),
    cp(join(pkgDir("esbuild-wasm"), "esbuild.wasm"), join(out, "esbuild.wasm")),
    // The browser pane's shim, a classic script inlined first in each page it shows (panes/browser.ts).
    build({ ...common, format: "iife", entryPoints: [join(root, "playground/src/panes/browser-shim.ts")], outfile: join(out, "browser-shim.js") }),
    editorTypes().then((types) => writeFile(join(out, "types.json"), JSON.stringify(types))),
    // The same Swagger UI and ReDoc files the runtime's Node adapter serves for an app's /docs and /redoc.
    mkdir(join(out, "docs-assets"), { recursive: true }).then(() =>
      Promise.all(Object.keys(docsAssets).map(async (name) => writeFile(join(out, "docs-assets", name), (await readDocsAsset(name))!))),
    ),
  ]);
  console.log(`vendor: built static/vendor in ${Math.round(performance.now() - started)} ms`);
}

if (import.meta.main) await buildVendor();
