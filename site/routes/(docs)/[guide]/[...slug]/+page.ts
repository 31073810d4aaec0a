import { resolve } from "$app/paths";
import { fetchContent } from "$lib/content/fetch-content.ts";
import type { RenderedPage } from "$lib/content/types.ts";
import type { PageLoad } from "./$types";

// The page's content comes from its prerendered JSON (site/routes/content/): on the first visit it is inlined in
// the HTML; on a later client-side navigation it is one small fetch.
export const load: PageLoad = async ({ fetch, params }) => ({
  page: await fetchContent<RenderedPage>(fetch, resolve("/content/[guide]/[...slug]/page.json", params)),
});
