// The site's content, read at build time through Vite (so the dev server reloads on edits) and rendered once
// per build: pages, the sidebar, and the search index all come from here.
import { buildOutline, classifySources, renderPages, type NavGuide, type Outline, type PageEntry } from "$lib/content/index.ts";
import { exampleHtml, exampleTabs } from "$lib/content/markdown/example.ts";
import { buildExampleIndex } from "$lib/content/example-index.ts";
import type { ExampleIndex } from "$playground/project/example-index.ts";
import { checkRedirects } from "$lib/content/redirects.ts";
import { sharedHighlight as getHighlight } from "./highlight.ts";
import { apiLinks } from "./reference.ts";

const files = import.meta.glob<string>(
  ["/tutorials/*/**/*.md", "/tutorials/*/_order", "/tutorials/examples/*/*/**/*.ts"],
  { query: "?raw", import: "default", eager: true },
);

const sources = classifySources(
  Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice("/tutorials/".length), text])),
);

export const outline: Outline = buildOutline(sources);

// Old addresses of pages that moved must lead to pages (the build stops here otherwise).
checkRedirects(new Set(outline.pages.map((page) => page.path)));

let rendered: Promise<Map<string, string>> | undefined;

export function findPage(path: string): PageEntry | undefined {
  return outline.pages.find((page) => page.path === path);
}

export async function pageHtml(path: string): Promise<string> {
  rendered ??= getHighlight().then((highlight) => renderPages(sources, highlight, apiLinks));
  const html = (await rendered).get(path);
  if (html === undefined) throw new Error(`no page at ${path}`);
  return html;
}

/** An example, highlighted, in the element the live-example component hydrates (as the directive places it). */
export async function exampleBlock(name: string): Promise<string> {
  const files = sources.examples.get(name);
  if (!files?.has("main.ts")) throw new Error(`no example tutorials/examples/${name}/main.ts`);
  const highlight = await getHighlight();
  return exampleHtml(name, exampleTabs(files).map((file) => ({ file, html: highlight(files.get(file)!, "ts") })));
}

export function navigation(): NavGuide[] {
  return outline.guides.map((guide) => ({
    id: guide.id,
    title: guide.title,
    pages: guide.pages.map(({ path, slug, title, depth }) => ({ path, slug, title, depth })),
  }));
}

/** Every example's name (`<topic>/<name>`). */
export function exampleNames(): string[] {
  return [...sources.examples.keys()].sort();
}

/** An example's files (`main.ts`, `main.test.ts`, and any beside them), or undefined. */
export function exampleFiles(name: string): Record<string, string> | undefined {
  const files = sources.examples.get(name);
  return files ? Object.fromEntries(files) : undefined;
}

/** Every example the guides place, by guide and page: the playground's example browser. */
export function exampleIndex(): ExampleIndex {
  return buildExampleIndex(outline, sources.examples);
}
