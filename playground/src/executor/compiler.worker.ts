// The compiler worker: esbuild-wasm, initialised once from our own origin, bundles projects on request.
// It lives as long as the page; app workers come and go without paying for esbuild's start-up again.
import * as esbuild from "esbuild-wasm/esm/browser.js";
import { compileProject, type CompileResult } from "./compile.ts";
import type { ProjectFiles } from "./types.ts";

/** `files` absent: only start esbuild, so that the reader's first edit does not wait for it. */
export type CompilerRequest = { id: number; files?: ProjectFiles; entry?: string; wasmUrl: string };
export type CompilerResponse = { id: number; result: CompileResult; durationMs: number };

let ready: Promise<void> | undefined;

self.onmessage = async (event: MessageEvent<CompilerRequest>) => {
  const { id, files, entry, wasmUrl } = event.data;
  const started = performance.now();
  ready ??= esbuild.initialize({ wasmURL: wasmUrl, worker: false });
  let result: CompileResult;
  try {
    await ready;
    result = files ? await compileProject(esbuild, files, entry) : { ok: true, code: "" };
  } catch (error) {
    ready = undefined;
    result = { ok: false, problems: [{ kind: "build", message: `The bundler could not start: ${String(error)}` }] };
  }
  const response: CompilerResponse = { id, result, durationMs: performance.now() - started };
  self.postMessage(response);
};
