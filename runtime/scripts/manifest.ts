// The package.json that npm packs. The workspace's runtime/package.json points `exports` and `bin` at the .ts
// sources, which the workspace, the site, the tests and every bundler there use as they are; the published
// package must point them at the compiled dist/ (Node does not strip types under node_modules). So, as pnpm does
// with `publishConfig` natively: `publish` (run by prepack, after the build) saves package.json aside and writes
// it with `publishConfig`'s fields applied; `restore` (run by postpack) puts the workspace's back.
//   node scripts/manifest.ts publish | restore
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const runtime = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = join(runtime, "package.json");
const saved = join(runtime, ".package.workspace.json");

/** The published manifest: `publishConfig`'s fields replace the workspace's; `publishConfig` itself goes. */
export function publishedManifest(pkg: Record<string, unknown>): Record<string, unknown> {
  const { publishConfig, ...rest } = pkg as { publishConfig?: Record<string, unknown> };
  if (!publishConfig) throw new Error("runtime/package.json has no publishConfig");
  return { ...rest, ...publishConfig };
}

const action = process.argv[2];
if (action === "publish") {
  // A pack that failed after `publish` left the published manifest in place: start from the saved one.
  if (existsSync(saved)) await rename(saved, manifest);
  const source = await readFile(manifest, "utf8");
  await writeFile(saved, source);
  await writeFile(manifest, JSON.stringify(publishedManifest(JSON.parse(source)), null, 2) + "\n");
} else if (action === "restore") {
  if (existsSync(saved)) await rename(saved, manifest);
} else {
  console.error("usage: node scripts/manifest.ts publish|restore");
  process.exit(2);
}
