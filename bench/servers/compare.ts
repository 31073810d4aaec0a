import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Writes `_compare.ts`: the fastapi-ts server importing the runtime from `dir` (another copy of `runtime/`, e.g. an
 * older commit's) instead of the workspace, for before/after runs. Returns the file's path.
 */
export function writeCompareServer(dir: string): string {
  const root = resolve(dir);
  const source = readFileSync(join(here, "fastapi-ts.ts"), "utf8")
    .replace('from "fastapi-ts/node"', `from ${JSON.stringify(join(root, "src/node/index.ts"))}`)
    .replace('from "fastapi-ts"', `from ${JSON.stringify(join(root, "src/index.ts"))}`);
  const file = join(here, "_compare.ts");
  writeFileSync(file, source);
  return file;
}

/**
 * Writes `_compiled.ts`: the fastapi-ts server importing the compiled package (runtime/dist, as `npm pack` ships
 * it, built by `runtime/scripts/build.ts`) instead of the workspace's TypeScript sources. Returns the file's path.
 */
export function writeCompiledServer(dist: string): string {
  const source = readFileSync(join(here, "fastapi-ts.ts"), "utf8")
    .replace('from "fastapi-ts/node"', `from ${JSON.stringify(join(dist, "node/entry.js"))}`)
    .replace('from "fastapi-ts"', `from ${JSON.stringify(join(dist, "entry.js"))}`);
  const file = join(here, "_compiled.ts");
  writeFileSync(file, source);
  return file;
}
