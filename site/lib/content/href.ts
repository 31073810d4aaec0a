// Links to guide pages from components: a page's site path ("/tutorial/first-steps") becomes an href that works
// under any base path (the site is built with relative paths).
import { resolve } from "$app/paths";

export function pageHref(path: string, anchor = ""): string {
  const [, guide = "", ...rest] = path.split("/");
  const href = resolve("/(docs)/[guide]/[...slug]", { guide, slug: rest.join("/") });
  return anchor ? `${href}#${anchor}` : href;
}
