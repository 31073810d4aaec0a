// Builds the browser copies of what the playground loads at run time into static/vendor/:
// the runtime and zod as ES modules for the app's Web Worker, esbuild's wasm, and the
// Swagger UI and ReDoc assets. Everything is served from our own origin: the site works offline.
import { build, type Plugin } from "esbuild";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { docsAssets, readDocsAsset } from "fastapi-ts/node";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static", "vendor");
const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Bare `zod` imports in the runtime bundle point at the shared zod module, so the app and the runtime see one zod. */
const zodExternal: Plugin = {
  name: "zod-external",
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({ path: "./zod.js", external: true }));
  },
};

export async function buildVendor(): Promise<void> {
  const started = performance.now();
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const common = { bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, legalComments: "none", logLevel: "warning" } as const;
  await Promise.all([
    build({ ...common, entryPoints: [join(pkgDir("zod"), "index.js")], outfile: join(out, "zod.js") }),
    build({ ...common, entryPoints: [join(root, "runtime/src/index.ts")], outfile: join(out, "fastapi-ts.js"), plugins: [zodExternal], sourcemap: "linked" }),
    cp(join(pkgDir("esbuild-wasm"), "esbuild.wasm"), join(out, "esbuild.wasm")),
    // The same Swagger UI and ReDoc files the runtime's Node adapter serves for an app's /docs and /redoc.
    mkdir(join(out, "docs-assets"), { recursive: true }).then(() =>
      Promise.all(Object.keys(docsAssets).map(async (name) => writeFile(join(out, "docs-assets", name), (await readDocsAsset(name))!))),
    ),
  ]);
  console.log(`vendor: built static/vendor in ${Math.round(performance.now() - started)} ms`);
}

if (import.meta.main) await buildVendor();
