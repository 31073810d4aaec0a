import { resolve } from "$app/paths";
import { fetchContent } from "$lib/content/fetch-content.ts";
import { relativeHref } from "$lib/content/paths.ts";
import { redirects } from "$lib/content/redirects.ts";
import type { RenderedPage } from "$lib/content/types.ts";
import type { PageLoad } from "./$types";

// The page's content comes from its prerendered JSON (site/routes/content/): on the first visit it is inlined in
// the HTML; on a later client-side navigation it is one small fetch. An old path of a page that moved gets no
// content, only where it went (relative, so the built site works from any folder).
export const load: PageLoad = async ({ fetch, params }) => {
  const path = params.slug ? `/${params.guide}/${params.slug}` : `/${params.guide}`;
  const moved = redirects.get(path);
  if (moved !== undefined) return { moved: { path: moved, href: relativeHref(path, moved) } };
  return { page: await fetchContent<RenderedPage>(fetch, resolve("/content/[guide]/[...slug]/page.json", params)) };
};
