import { resolve } from "$app/paths";
import { fetchContent } from "$lib/content/fetch-content.ts";
import type { NavGuide } from "$lib/content/types.ts";
import type { ReferenceNavPage } from "$lib/reference/listing.ts";
import type { LayoutLoad } from "./$types";

// The sidebar (the guides, then the API reference): loaded once, and kept while the reader moves between pages.
export const load: LayoutLoad = async ({ fetch }) => {
  const [nav, reference] = await Promise.all([
    fetchContent<NavGuide[]>(fetch, resolve("/content/nav.json")),
    fetchContent<ReferenceNavPage[]>(fetch, resolve("/content/reference/nav.json")),
  ]);
  return { nav, reference };
};
