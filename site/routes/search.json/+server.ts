// The search index, built with the site and fetched by the search box on first use (works offline).
import MiniSearch from "minisearch";
import { searchDocuments } from "$lib/search/documents.ts";
import { searchOptions } from "$lib/search/options.ts";
import { outline } from "$lib/server/content.ts";
import { reference, referenceSearchDocuments } from "$lib/server/reference.ts";
import type { RequestHandler } from "./$types";

export const prerender = true;

export const GET: RequestHandler = () => {
  const index = new MiniSearch(searchOptions);
  index.addAll(searchDocuments(outline));
  index.addAll(referenceSearchDocuments(reference));
  return new Response(JSON.stringify(index), { headers: { "content-type": "application/json" } });
};
