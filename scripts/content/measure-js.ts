// Measures the JavaScript a reader's browser loads for a page before the reader does anything: the scripts and
// module preloads of its built HTML, the modules those import statically, all gzipped and summed. Dynamic imports
// (search, the playground, the live examples' editor and runtime) are not counted: they load on demand.
//
//   node scripts/content/measure-js.ts                  every page of build/ (the playground is listed, not judged)
//   node scripts/content/measure-js.ts /tutorial/first-steps --budget 100
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  page: string;
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** The JavaScript files an HTML page starts with: module preloads, script sources and inline static imports. */
export function entryScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (/\brel=["']?modulepreload/.test(tag)) found.add(attribute(tag, "href"));
  }
  for (const tag of html.match(/<script\b[^>]*\bsrc=[^>]*>/g) ?? []) found.add(attribute(tag, "src"));
  // SvelteKit starts the app from an inline script: import("…/start.js"), import("…/app.js").
  for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
    for (const match of script.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)) found.add(match[1]!);
  }
  found.delete("");
  return [...found];
}

/** The modules a module imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found].filter((specifier) => specifier.startsWith(".") || specifier.startsWith("/"));
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\b${name}=["']?([^"'\\s>]+)`).exec(tag)?.[1] ?? "";
}

export function measurePage(buildDir: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, "utf8");
  const seen = new Set<string>();
  const queue = entryScripts(html).map((src) => locate(buildDir, dirname(htmlFile), src));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, "utf8"))) queue.push(locate(buildDir, dirname(file), specifier));
  }
  const files = [...seen].map((file) => {
    const content = readFileSync(file);
    return { file: relative(buildDir, file).split(sep).join("/"), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  return {
    page: pageOf(buildDir, htmlFile),
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

function locate(buildDir: string, fromDir: string, src: string): string {
  const path = src.replace(/[?#].*$/, "");
  return path.startsWith("/") ? join(buildDir, path) : resolve(fromDir, path);
}

function pageOf(buildDir: string, htmlFile: string): string {
  const path = "/" + relative(buildDir, htmlFile).split(sep).join("/").replace(/\.html$/, "");
  return path === "/index" ? "/" : path.replace(/\/index$/, "");
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${sep}vendor${sep}`) && !file.includes(`${sep}panes${sep}`))
    .sort();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: "string", default: join(root, "build") },
      budget: { type: "string", default: "100" },
      exempt: { type: "string", multiple: true, default: ["/playground"] },
    },
  });
  const buildDir = resolve(values.dir);
  const budget = Number(values.budget) * 1024;
  if (!existsSync(join(buildDir, "index.html"))) {
    console.error(`measure-js: no built site in ${buildDir}: run \`npm run build\` first`);
    process.exit(1);
  }
  const files = positionals.length
    ? positionals.map((page) => join(buildDir, page === "/" ? "index.html" : `${page.replace(/^\//, "")}.html`))
    : htmlFiles(buildDir);
  const weights = files.map((file) => measurePage(buildDir, file));
  const over = weights.filter((weight) => weight.gzip > budget && !values.exempt.includes(weight.page));
  console.log(`Initial JavaScript per page (gzip -9, before the reader runs anything; budget ${kb(budget)}):`);
  for (const weight of weights) {
    const mark = values.exempt.includes(weight.page) ? " (not judged)" : weight.gzip > budget ? "  OVER BUDGET" : "";
    console.log(`  ${kb(weight.gzip).padStart(9)} gzip  ${kb(weight.bytes).padStart(9)} raw  ${String(weight.files.length).padStart(3)} files  ${weight.page}${mark}`);
  }
  const judged = weights.filter((weight) => !values.exempt.includes(weight.page));
  const largest = judged.reduce<PageWeight | undefined>((max, weight) => (!max || weight.gzip > max.gzip ? weight : max), undefined);
  if (largest) console.log(`Largest reading page: ${largest.page}, ${kb(largest.gzip)} gzip`);
  if (over.length) {
    console.error(`measure-js: ${over.length} page(s) over the ${kb(budget)} budget: ${over.map((weight) => weight.page).join(", ")}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
