// One API reference page, rendered, as JSON: what /reference/<page> shows.
import { error, json } from "@sveltejs/kit";
import { firstSentence, referenceNav, type ReferencePageView } from "$lib/reference/listing.ts";
import { referencePath } from "$lib/reference/model.ts";
import { findReferencePage, reference, referencePageHtml } from "$lib/server/reference.ts";
import type { EntryGenerator, RequestHandler } from "./$types";

export const prerender = true;

export const entries: EntryGenerator = () => reference.pages.map(({ slug }) => ({ page: slug }));

export const GET: RequestHandler = async ({ params }) => {
  const page = findReferencePage(params.page);
  if (!page) error(404, "Not found");
  const path = referencePath(page.slug);
  const nav = referenceNav(reference);
  const index = nav.findIndex((entry) => entry.path === path);
  const { html, headings } = await referencePageHtml(page);
  const view: ReferencePageView = {
    path,
    title: page.title,
    description: firstSentence(page.intro),
    headings,
    html,
    prev: nav[index - 1] ?? null,
    next: nav[index + 1] ?? null,
  };
  return json(view);
};
