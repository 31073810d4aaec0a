import { resolve } from "$app/paths";
import { fetchContent } from "$lib/content/fetch-content.ts";
import type { ReferenceIndexView } from "$lib/reference/listing.ts";
import type { PageLoad } from "./$types";

// The overview's listing comes from its prerendered JSON (site/routes/content/reference/), as guide pages' content does.
export const load: PageLoad = async ({ fetch }) => ({
  index: await fetchContent<ReferenceIndexView>(fetch, resolve("/content/reference/index.json")),
});
