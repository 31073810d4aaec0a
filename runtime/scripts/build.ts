// Builds the published package into runtime/dist/ (run by `npm pack` through `prepack`):
//   1. ESM JavaScript, .d.ts and source maps from src/ with the TypeScript compiler (tsconfig.build.json);
//   2. the .d.ts files' relative imports pointed at the .d.ts beside them (`./app.ts` → `./app.js`), as the
//      JavaScript's already are (tsc's rewriteRelativeImportExtensions rewrites JavaScript only);
//   3. the docs assets (Swagger UI, ReDoc with its CDN logo replaced) copied into dist/assets/, so that the package
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
