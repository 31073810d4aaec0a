// The reference of this repository: fastapi-ts (runtime/src/index.ts) and fastapi-ts/node (runtime/src/node/index.ts).
//
//   node scripts/reference/project.ts            checks every export is documented; prints the pages and counts
//   node scripts/reference/project.ts --json     prints the whole reference as JSON
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiReference } from "../../site/lib/reference/model.ts";
import { type GenerateOptions, generateReference } from "./generate.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const repositoryReference: GenerateOptions = {
  tsconfig: join(root, "scripts", "reference", "tsconfig.json"),
  entryPoints: [
    { module: "fastapi-ts", file: join(root, "runtime", "src", "index.ts") },
    { module: "fastapi-ts/node", file: join(root, "runtime", "src", "node", "index.ts") },
  ],
  sourceRoot: join(root, "runtime", "src") + "/",
  displayRoot: root,
};

/** The folder whose files the reference is read from (a change there regenerates it in the dev server). */
export const runtimeSources = join(root, "runtime", "src");

export function readRepositoryReference(): Promise<ApiReference> {
  return generateReference(repositoryReference);
}

async function main(): Promise<void> {
  const started = performance.now();
  const reference = await readRepositoryReference();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(reference, null, 2));
    return;
  }
  for (const page of reference.pages) console.log(`${String(page.entries.length).padStart(4)}  /reference/${page.slug}  ${page.title}`);
  const counts = Object.entries(reference.exportCounts).map(([module, count]) => `${module}: ${count}`).join(", ");
  console.log(`${reference.pages.reduce((sum, page) => sum + page.entries.length, 0)} entries (${counts}) in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
