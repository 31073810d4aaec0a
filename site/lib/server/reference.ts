// The API reference, read from the runtime's TSDoc when the site is built (virtual:api-reference, made by
// scripts/reference/plugin.ts) and rendered once per build: its pages, the sidebar's list, search documents, and the
// targets of the guides' links to it.
import reference from "virtual:api-reference";
import type { Heading } from "$lib/content/types.ts";
import { referenceListing, referenceNav, referenceSearchDocuments, referenceTitle } from "$lib/reference/listing.ts";
import type { ApiReference, ReferencePageData } from "$lib/reference/model.ts";
import { apiLinkTargets, renderReferencePage } from "$lib/reference/render.ts";
import { sharedHighlight } from "./highlight.ts";

export { reference, referenceListing, referenceNav, referenceSearchDocuments, referenceTitle };
export type { ApiReference };

/** Where each export is described, for the guides' first mentions (site/lib/content/markdown/api-links.ts). */
export const apiLinks: ReadonlyMap<string, string> = apiLinkTargets(reference);

export function findReferencePage(slug: string): ReferencePageData | undefined {
  return reference.pages.find((page) => page.slug === slug);
}

const rendered = new Map<string, Promise<{ html: string; headings: Heading[] }>>();

export function referencePageHtml(page: ReferencePageData): Promise<{ html: string; headings: Heading[] }> {
  let result = rendered.get(page.slug);
  if (!result) {
    result = sharedHighlight().then((highlight) => renderReferencePage(page, highlight, apiLinks));
    rendered.set(page.slug, result);
  }
  return result;
}
