// Reads every guide's pages in order into the outline: titles, headings, sections, examples, previous and next.
import { ContentError } from "./errors.ts";
import { guides } from "./guides.ts";
import { createMarkdown, createPageEnv, type Highlight, type PageEnv } from "./markdown/index.ts";
import { orderFiles, parseOrder } from "./order.ts";
import { pagePath, slugOfFile } from "./paths.ts";
import type { ContentSources } from "./sources.ts";
import type { GuideEntry, Outline, PageEntry } from "./types.ts";

/** Routes of the site that are not content pages but may be linked to. */
export const siteRoutes = ["/", "/playground"] as const;

interface Located {
  entry: Omit<PageEntry, "title" | "description" | "headings" | "sections" | "examples" | "examplePlaces" | "prev" | "next">;
  markdown: string;
}

function locatePages(sources: ContentSources): Located[] {
  const located: Located[] = [];
  for (const guide of guides) {
    const pages = sources.pages.get(guide.id);
    if (!pages?.size) continue;
    const where = `tutorials/${guide.id}/_order`;
    const orderText = sources.orders.get(guide.id);
    if (orderText === undefined) throw new ContentError(`${where} is missing: it orders the guide's pages`);
    for (const file of orderFiles(parseOrder(orderText, where), [...pages.keys()], where)) {
      const slug = slugOfFile(file);
      located.push({
        entry: { guide: guide.id, file, slug, path: pagePath(guide.id, slug), depth: slug ? slug.split("/").length - 1 : 0 },
        markdown: pages.get(file)!,
      });
    }
  }
  return located;
}

function envFor(sources: ContentSources, located: Located, knownPaths: ReadonlySet<string>, apiLinks?: ReadonlyMap<string, string>): PageEnv {
  const { guide, file, path } = located.entry;
  return createPageEnv({ source: `tutorials/${guide}/${file}.md`, path, knownPaths, examples: sources.examples, apiLinks });
}

export function buildOutline(sources: ContentSources): Outline {
  const located = locatePages(sources);
  const knownPaths = new Set<string>([...siteRoutes, ...located.map((page) => page.entry.path)]);
  const md = createMarkdown();
  const pages: PageEntry[] = located.map((page) => {
    const env = envFor(sources, page, knownPaths);
    md.parse(page.markdown, env);
    return {
      ...page.entry,
      title: env.title,
      description: env.description,
      headings: env.headings,
      sections: env.sections,
      examples: env.exampleNames,
      examplePlaces: env.examplePlaces,
      prev: null,
      next: null,
    };
  });
  for (const [index, page] of pages.entries()) {
    const prev = pages[index - 1];
    const next = pages[index + 1];
    page.prev = prev ? { path: prev.path, title: prev.title } : null;
    page.next = next ? { path: next.path, title: next.title } : null;
  }
  const guideEntries: GuideEntry[] = guides
    .map((guide) => ({ id: guide.id, title: guide.title, pages: pages.filter((page) => page.guide === guide.id) }))
    .filter((guide) => guide.pages.length > 0);
  return { guides: guideEntries, pages };
}

/** Renders every page of the outline to HTML, by path; with `apiLinks`, code spans naming exports link to the reference. */
export function renderPages(sources: ContentSources, highlight: Highlight, apiLinks?: ReadonlyMap<string, string>): Map<string, string> {
  const located = locatePages(sources);
  const knownPaths = new Set<string>([...siteRoutes, ...located.map((page) => page.entry.path)]);
  const md = createMarkdown(highlight);
  return new Map(located.map((page) => [page.entry.path, md.render(page.markdown, envFor(sources, page, knownPaths, apiLinks))]));
}
