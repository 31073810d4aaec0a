// Pages that moved. The site is static (no server answers with a 301), so each old path gets a small page of its
// own that sends the reader on to the new one, keeping the #anchor. Old addresses matter: readers bookmark pages,
// and readers of FastAPI's docs swap the domain and keep FastAPI's slugs.
import { ContentError } from "./errors.ts";

/** Old page path → where it went (a page path, optionally with an #anchor). */
export const redirects: ReadonlyMap<string, string> = new Map([
  // FastAPI's slug (issue 16); the page was first published under the longer one.
  ["/how-to/separating-openapi-schemas", "/how-to/separate-openapi-schemas"],
  // FastAPI's Learn slugs, for pages whose subject changes with the language.
  ["/learn/python-types", "/learn/typescript-types"],
  ["/learn/virtual-environments", "/learn/project-setup"],
  ["/advanced/advanced-python-types", "/learn/typescript-types#optional-nullable-or-both"],
]);

/** Fails when an old path is still a page, or a redirect leads to no page. */
export function checkRedirects(pagePaths: ReadonlySet<string>, table: ReadonlyMap<string, string> = redirects): void {
  for (const [from, to] of table) {
    if (pagePaths.has(from)) throw new ContentError(`redirect from ${from}: a page still lives there; remove the redirect or the page`);
    const target = to.replace(/#.*$/, "");
    if (!pagePaths.has(target)) throw new ContentError(`redirect from ${from} leads to ${to}, which is no page`);
  }
}

/** The route parameters of each old path, for prerendering. */
export function redirectEntries(table: ReadonlyMap<string, string> = redirects): { guide: string; slug: string }[] {
  return [...table.keys()].map((path) => {
    const [, guide = "", ...rest] = path.split("/");
    return { guide, slug: rest.join("/") };
  });
}
