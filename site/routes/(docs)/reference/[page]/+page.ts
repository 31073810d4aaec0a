import { resolve } from "$app/paths";
import { fetchContent } from "$lib/content/fetch-content.ts";
import type { ReferencePageView } from "$lib/reference/listing.ts";
import type { PageLoad } from "./$types";

// The page's content comes from its prerendered JSON (site/routes/content/reference/pages/), as guide pages' does.
export const load: PageLoad = async ({ fetch, params }) => ({
  page: await fetchContent<ReferencePageView>(fetch, resolve("/content/reference/pages/[page].json", { page: params.page })),
});
