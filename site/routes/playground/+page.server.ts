import * as esbuild from "esbuild";
import { compileProject } from "$playground/executor/compile.ts";
import type { ProjectFiles } from "$playground/executor/types.ts";
import hello from "$tutorials/examples/first_steps/tutorial001/main.ts?raw";
import { exampleDocs } from "$lib/server/example-docs.ts";
import { exampleIndex } from "$lib/server/content.ts";
import type { PageServerLoad } from "./$types";

// The example is bundled while the site builds (native esbuild, the same plugin as in the browser), and its
// OpenAPI document produced, so opening the playground shows its docs at once while the app worker starts;
// esbuild-wasm is needed only from the first edit.
export const load: PageServerLoad = async () => {
  const project = "first_steps/tutorial001";
  const files: ProjectFiles = { "main.ts": hello };
  const built = await compileProject(esbuild, files);
  // The example browser's list is part of the page: browsing and searching it need no request.
  const prebuilt = built.ok ? built.code : undefined;
  const docs = prebuilt === undefined ? undefined : await exampleDocs(project, prebuilt);
  return { project, files, prebuilt, docs, examples: exampleIndex() };
};
