// Each example as a prerendered JSON file: its files, its app bundled at build time (native esbuild, the same
// plugin as the browser's), and the OpenAPI document that app serves (run in Node at build time), so Run shows
// the docs at once and "Open in playground" starts without esbuild-wasm.
import { error, json } from "@sveltejs/kit";
import * as esbuild from "esbuild";
import { compileProject } from "$playground/executor/compile.ts";
import type { ExampleProject } from "$playground/project/example.ts";
import { exampleFiles, exampleNames } from "$lib/server/content.ts";
import { exampleDocs } from "$lib/server/example-docs.ts";
import type { EntryGenerator, RequestHandler } from "./$types";

export const prerender = true;

export const entries: EntryGenerator = () => exampleNames().map((name) => ({ name }));

export const GET: RequestHandler = async ({ params }) => {
  const files = exampleFiles(params.name);
  if (!files) error(404, `no example ${params.name}`);
  const built = await compileProject(esbuild, files);
  if (!built.ok) throw new Error(`example ${params.name} does not build: ${built.problems.map((p) => p.message).join("; ")}`);
  const docs = await exampleDocs(params.name, built.code);
  const project: ExampleProject = { name: params.name, files, prebuilt: built.code, ...(docs ? { docs } : {}) };
  return json(project);
};
