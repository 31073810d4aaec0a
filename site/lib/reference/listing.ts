// What the rest of the site needs from the reference besides its pages: the sidebar's list, the index page's
// listing, and the search documents (one per export, so a search for `Depends` leads to its entry).
import type { SearchDocument } from "../search/options.ts";
import { type ApiReference, type EntryKind, referencePath, referenceRoot } from "./model.ts";

export const referenceTitle = "API Reference";

export interface ReferenceNavPage {
  path: string;
  title: string;
}

export interface ReferenceListing {
  path: string;
  title: string;
  intro: string;
  entries: { name: string; kind: EntryKind; summary: string }[];
}

export function referenceNav(reference: ApiReference): ReferenceNavPage[] {
  return [
    { path: referenceRoot, title: "Overview" },
    ...reference.pages.map((page) => ({ path: referencePath(page.slug), title: page.title })),
  ];
}

/** Markdown reduced to its words, for search and one-line summaries. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first sentence of a summary (the index lists one line per export). */
export function firstSentence(markdown: string): string {
  const text = plainText(markdown);
  const end = text.search(/[.:;](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1).replace(/[:;]$/, ".");
}

export function referenceListing(reference: ApiReference): ReferenceListing[] {
  return reference.pages.map((page) => ({
    path: referencePath(page.slug),
    title: page.title,
    intro: plainText(page.intro),
    entries: page.entries.map((entry) => ({ name: entry.name, kind: entry.kind, summary: firstSentence(entry.doc.summary) })),
  }));
}

export function referenceSearchDocuments(reference: ApiReference): SearchDocument[] {
  return reference.pages.flatMap((page) =>
    page.entries.map((entry) => ({
      id: `${referencePath(page.slug)}#${entry.name}`,
      path: referencePath(page.slug),
      anchor: entry.name,
      heading: entry.name,
      page: page.title,
      guide: referenceTitle,
      text: [plainText(entry.doc.summary), plainText(entry.doc.remarks), ...entry.members.map((member) => `${member.name} ${plainText(member.doc.summary)}`)].join(" "),
    })),
  );
}

/** What a reference page's route receives: the page rendered, with its neighbours in the reference. */
export interface ReferencePageView {
  path: string;
  title: string;
  description: string;
  headings: { depth: 2 | 3 | 4; id: string; text: string }[];
  html: string;
  prev: ReferenceNavPage | null;
  next: ReferenceNavPage | null;
}

/** What the reference's overview route receives. */
export interface ReferenceIndexView {
  pages: ReferenceListing[];
  exportCounts: Record<string, number>;
}
