import * as esbuild from "esbuild";
import { compileProject } from "$playground/executor/compile.ts";
import type { ProjectFiles } from "$playground/executor/types.ts";
import hello from "$tutorials/examples/first_steps/tutorial001/main.ts?raw";
import { exampleIndex } from "$lib/server/content.ts";
import type { PageServerLoad } from "./$types";

// The example is bundled while the site builds (native esbuild, the same plugin as in the browser),
// so opening the playground runs it at once; esbuild-wasm is needed only from the first edit.
export const load: PageServerLoad = async () => {
  const files: ProjectFiles = { "main.ts": hello };
  const built = await compileProject(esbuild, files);
  // The example browser's list is part of the page: browsing and searching it need no request.
  return { project: "first_steps/tutorial001", files, prebuilt: built.ok ? built.code : undefined, examples: exampleIndex() };
};
