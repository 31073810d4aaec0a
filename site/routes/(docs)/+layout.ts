import { resolve } from "$app/paths";
import { fetchContent } from "$lib/content/fetch-content.ts";
import type { NavGuide } from "$lib/content/types.ts";
import type { LayoutLoad } from "./$types";

// The sidebar: loaded once, and kept while the reader moves between pages.
export const load: LayoutLoad = async ({ fetch }) => ({
  nav: await fetchContent<NavGuide[]>(fetch, resolve("/content/nav.json")),
});
