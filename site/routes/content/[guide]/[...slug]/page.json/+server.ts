// One guide page, rendered, as JSON: what /<guide>/<slug> shows.
import { error, json } from "@sveltejs/kit";
import { guideTitle } from "$lib/content/guides.ts";
import type { RenderedPage } from "$lib/content/types.ts";
import { findPage, outline, pageHtml } from "$lib/server/content.ts";
import type { EntryGenerator, RequestHandler } from "./$types";

export const prerender = true;

export const entries: EntryGenerator = () => outline.pages.map(({ guide, slug }) => ({ guide, slug }));

export const GET: RequestHandler = async ({ params }) => {
  const path = params.slug ? `/${params.guide}/${params.slug}` : `/${params.guide}`;
  const page = findPage(path);
  if (!page) error(404, "Not found");
  const { guide, title, description, headings, examples, prev, next } = page;
  const rendered: RenderedPage = {
    path, guide, guideTitle: guideTitle(guide), title, description, headings, examples, prev, next,
    html: await pageHtml(path),
  };
  return json(rendered);
};
