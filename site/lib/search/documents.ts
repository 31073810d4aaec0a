import type { Outline } from "$lib/content/index.ts";
import type { SearchDocument } from "./options.ts";

/** The search documents of every page: one per section, so a result can lead to the right heading. */
export function searchDocuments(outline: Outline): SearchDocument[] {
  const guideTitles = new Map(outline.guides.map((guide) => [guide.id, guide.title]));
  return outline.pages.flatMap((page) =>
    page.sections.map((section) => ({
      id: section.id ? `${page.path}#${section.id}` : page.path,
      path: page.path,
      anchor: section.id,
      heading: section.heading || page.title,
      page: page.title,
      guide: guideTitles.get(page.guide) ?? page.guide,
      text: section.text,
    })),
  );
}
