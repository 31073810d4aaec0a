// Each example as a prerendered JSON file: its files, and its app bundled at build time (native esbuild,
// the same plugin as the browser's), so Run and "Open in playground" start at once, without esbuild-wasm.
import { error, json } from "@sveltejs/kit";
import * as esbuild from "esbuild";
import { compileProject } from "$playground/executor/compile.ts";
import { exampleFiles, exampleNames } from "$lib/server/content.ts";
import type { EntryGenerator, RequestHandler } from "./$types";

export const prerender = true;

export const entries: EntryGenerator = () => exampleNames().map((name) => ({ name }));

export const GET: RequestHandler = async ({ params }) => {
  const files = exampleFiles(params.name);
  if (!files) error(404, `no example ${params.name}`);
  const built = await compileProject(esbuild, files);
  if (!built.ok) throw new Error(`example ${params.name} does not build: ${built.problems.map((p) => p.message).join("; ")}`);
  return json({ name: params.name, files, prebuilt: built.code });
};
