// Builds the published package into runtime/dist/ (run by `npm pack` through `prepack`):
//   1. .d.ts files and their maps from src/ with the TypeScript compiler (tsconfig.build.json);
//   2. the .d.ts files' relative imports pointed at the .d.ts beside them (`./app.ts` → `./app.js`);
//   3. the JavaScript: each entry (`.`, `./node`, the `bin`) bundled by esbuild, the code they share split into
//      dist/chunks/, with source maps into the shipped src/. A few files instead of ~100 modules: a fresh Node
//      imports `fastapi-ts` and `fastapi-ts/node` ~65 ms sooner (resolving and linking each module is what costs);
//      declaring 1,000 routes takes about as long as from the sources (30 against 26 ms, bench/README.md, "Start-up":
//      an earlier reading of +38 ms was taken with two copies of zod loaded).
//      Dependencies stay external. Modules that find files beside themselves (`../assets/`, `../../package.json`)
//      sit one folder below dist/ in both layouts (dist/node/, dist/chunks/). Node 20's one-line refusal
//      (node-version.ts, imported first by each entry) is checked from the tarball by scripts/package-check;
//   4. the docs assets (Swagger UI, ReDoc with its CDN logo replaced) copied into dist/assets/, so that the package
//      needs neither `swagger-ui-dist` nor `redoc` at install time (redoc 3 does not install without an override).
// The workspace never uses dist/: it runs the sources through the `fastapi-ts-source` export condition.
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { docsAssets, readDocsAsset } from "../src/node/assets.ts";

const runtime = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(runtime, "dist");
const started = performance.now();

await rm(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(runtime, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) {
  console.error("build: the TypeScript compiler failed (see above)");
  process.exit(1);
}

const esbuild = (await import(createRequire(import.meta.url).resolve("esbuild"))) as typeof import("esbuild");
const manifest = JSON.parse(await readFile(join(runtime, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
await esbuild.build({
  entryPoints: { entry: join(runtime, "src/entry.ts"), "node/entry": join(runtime, "src/node/entry.ts"), "node/bin": join(runtime, "src/node/bin.ts") },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node22",
  // The package's dependencies and peers are the user's to install, once: never copied into the bundle.
  external: [...Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }), "node:*"],
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
});

/** Relative specifiers ending in `.ts` in `from "…"`, `import("…")` and `import "…"` of a declaration file. */
const TS_SPECIFIER = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.ts(["'])/g;
const declarations = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith(".d.ts"));
await Promise.all(declarations.map(async (f) => {
  const file = join(dist, f);
  const source = await readFile(file, "utf8");
  const rewritten = source.replace(TS_SPECIFIER, "$1$2.js$3");
  if (rewritten !== source) await writeFile(file, rewritten);
}));

await mkdir(join(dist, "assets"));
await Promise.all(Object.keys(docsAssets).map(async (name) => writeFile(join(dist, "assets", name), (await readDocsAsset(name))!)));

console.log(`build: runtime/dist in ${Math.round(performance.now() - started)} ms (${declarations.length} declaration files, ${Object.keys(docsAssets).length} docs assets)`);
