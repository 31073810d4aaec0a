// Bundles a project's files with esbuild (the wasm build in the browser). `fastapi-ts` and `zod`
// stay external and resolve to the site's prebuilt modules, so each rebuild bundles only user code.
import type { Message, Plugin, PluginBuild } from "esbuild-wasm";
import type { Problem, ProjectFiles } from "./types.ts";

/** The part of esbuild's API the compiler uses (the wasm and the native builds both have it). */
export interface Bundler {
  build(options: Parameters<PluginBuild["esbuild"]["build"]>[0]): ReturnType<PluginBuild["esbuild"]["build"]>;
}

/** Bare imports a project may use, and the module file each one resolves to under the vendor URL. */
export const PROVIDED_MODULES: Record<string, string> = {
  "fastapi-ts": "fastapi-ts.js",
  zod: "zod.js",
  // The security pages sign tokens and hash passwords; both libraries are plain JS.
  jose: "jose.js",
  bcryptjs: "bcryptjs.js",
  // The GraphQL page mounts a GraphQL Yoga server.
  "graphql-yoga": "graphql-yoga.js",
  // The database pages use SQLite compiled to WebAssembly (its binary: see vendor-wasm.ts).
  "sql.js": "sql-js.js",
  // main.test.ts runs in the page's Tests pane with vitest's expect (see testing/vitest-shim.ts).
  vitest: "vitest.js",
};

/**
 * Bundles import the provided modules from this placeholder origin; `linkBundle` points them at the
 * site's vendor folder. So one bundle, built in the browser or ahead of time on the server, runs on any host.
 */
export const VENDOR_PLACEHOLDER = "https://vendor.fastapi-ts.invalid/";

const PLACEHOLDER_IMPORT = /https:\/\/vendor\.fastapi-ts\.invalid\/([\w.-]+\.js)/g;

/** Points a bundle's imports of the provided modules (`fastapi-ts.js`, `zod.js`) at the URLs `resolve` gives. */
export function linkBundle(code: string, resolve: (file: string) => string): string {
  return code.replace(PLACEHOLDER_IMPORT, (_, file: string) => resolve(file));
}

/** The provided modules a bundle imports, by vendor file name (`jose.js`, `sql-js.js`…). */
export function vendorModulesOf(code: string): string[] {
  return [...new Set(Array.from(code.matchAll(PLACEHOLDER_IMPORT), (match) => match[1]!))];
}

/** What every app imports: loaded into each app worker before any app runs. */
export const CORE_VENDOR: readonly string[] = ["zod.js", "fastapi-ts.js"];

export type CompileResult = { ok: true; code: string } | { ok: false; problems: Problem[] };

const RELATIVE = /^\.{1,2}\//;

/** Resolves `./x`, `./x.ts`, `./x.js` (TypeScript's convention) or `./x/index.ts` against the importer. */
export function resolveProjectPath(files: ProjectFiles, specifier: string, importer: string): string | undefined {
  const base = importer.includes("/") ? importer.slice(0, importer.lastIndexOf("/") + 1) : "";
  const joined = new URL(specifier, `file:///${base}`).pathname.slice(1);
  const stem = joined.replace(/\.(js|mjs|ts|mts)$/, "");
  const candidates = [joined, `${stem}.ts`, `${stem}.mts`, `${stem}/index.ts`];
  return candidates.find((name) => name in files);
}

function projectPlugin(files: ProjectFiles): Plugin {
  return {
    name: "project",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.split("/")[0] === "zod" ? "zod" : args.path; // zod/v4 is zod
        const provided = PROVIDED_MODULES[bare];
        if (provided) return { path: VENDOR_PLACEHOLDER + provided, external: true };
        if (args.kind === "entry-point") return { path: args.path, namespace: "project" };
        if (RELATIVE.test(args.path)) {
          const found = resolveProjectPath(files, args.path, args.importer);
          if (found) return { path: found, namespace: "project" };
          return { errors: [{ text: `Cannot find "${args.path}" among this project's files (${Object.keys(files).join(", ")})` }] };
        }
        const allowed = Object.keys(PROVIDED_MODULES).map((m) => `"${m}"`).join(" and ");
        return { errors: [{ text: `"${args.path}" cannot be imported here: examples run in your browser, where ${allowed} are available` }] };
      });
      build.onLoad({ filter: /.*/, namespace: "project" }, (args) => ({ contents: files[args.path] ?? "", loader: "ts" }));
    },
  };
}

/** esbuild counts columns in UTF-8 bytes; editors and readers count characters (UTF-16 units, as Monaco does). */
function characterColumn(lineText: string, byteColumn: number): number {
  return new TextDecoder().decode(new TextEncoder().encode(lineText).slice(0, byteColumn)).length;
}

function toProblem(message: Message): Problem {
  const loc = message.location;
  return {
    kind: "build",
    message: message.text,
    ...(loc ? { location: { file: loc.file.replace(/^project:/, ""), line: loc.line, column: characterColumn(loc.lineText, loc.column) + 1, lineText: loc.lineText } } : {}),
  };
}

/** Bundles `entry` and everything it imports into one ES module with an inline source map; see `linkBundle`. */
export async function compileProject(bundler: Bundler, files: ProjectFiles, entry = "main.ts"): Promise<CompileResult> {
  try {
    const result = await bundler.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      sourcemap: "inline",
      sourcesContent: true,
      outfile: "bundle.js",
      logLevel: "silent",
      plugins: [projectPlugin(files)],
    });
    const output = result.outputFiles?.[0];
    if (!output) return { ok: false, problems: [{ kind: "build", message: "esbuild produced no output" }] };
    return { ok: true, code: output.text };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (errors?.length) return { ok: false, problems: errors.map(toProblem) };
    return { ok: false, problems: [{ kind: "build", message: String(error) }] };
  }
}
