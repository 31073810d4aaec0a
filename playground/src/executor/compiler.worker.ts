// The compiler worker: esbuild-wasm, initialised once from our own origin, bundles projects on request.
// It lives as long as the page; app workers come and go without paying for esbuild's start-up again.
import * as esbuild from "esbuild-wasm/esm/browser.js";
import { compileProject, type CompileResult } from "./compile.ts";
import type { ProjectFiles } from "./types.ts";

/**
 * `files` absent: only start esbuild, so that the reader's first edit does not wait for it. `warmUp`: start it and
 * bundle `files` that many times for nothing (see {@link warmUp}).
 */
export type CompilerRequest = { id: number; files?: ProjectFiles; entry?: string; wasmUrl: string; warmUp?: number };
export type CompilerResponse = { id: number; result: CompileResult; durationMs: number; warmUpBuilds?: number };

let ready: Promise<void> | undefined;
/** Builds asked for by a reader: the warm-up gives way at the first. */
let asked = 0;

/**
 * Perf: esbuild's first bundle after it starts took ~1.4 s in Chromium on a 2-core machine (its 14 MB of wasm
 * compiled as it first runs), the next ones ~90 ms, falling to ~40 ms after ten or so as V8 tiers up what runs
 * hot (2026-12-06). Bundling the reader's files a few times before they type takes that from their first edits;
 * a build of theirs stops it.
 */
async function warmUp(files: ProjectFiles, builds: number): Promise<number> {
  let build = 0;
  for (; build < builds && asked === 0; build++) await compileProject(esbuild, files);
  return build;
}

self.onmessage = async (event: MessageEvent<CompilerRequest>) => {
  const { id, files, entry, wasmUrl, warmUp: builds } = event.data;
  const started = performance.now();
  ready ??= esbuild.initialize({ wasmURL: wasmUrl, worker: false });
  const warming = builds !== undefined;
  if (files && !warming) asked++;
  let result: CompileResult;
  let warmUpBuilds: number | undefined;
  try {
    await ready;
    if (files && warming) warmUpBuilds = await warmUp(files, builds);
    result = files && !warming ? await compileProject(esbuild, files, entry) : { ok: true, code: "" };
  } catch (error) {
    ready = undefined;
    result = { ok: false, problems: [{ kind: "build", message: `The bundler could not start: ${String(error)}` }] };
  }
  const response: CompilerResponse = { id, result, durationMs: performance.now() - started, ...(warmUpBuilds === undefined ? {} : { warmUpBuilds }) };
  self.postMessage(response);
};
