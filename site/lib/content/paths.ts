// URL paths of pages, and the relative links between them (the site works under any base path).
import type { GuideId } from "./guides.ts";

/** "dependencies/index" → "dependencies"; "index" → "". */
export function slugOfFile(file: string): string {
  if (file === "index") return "";
  return file.endsWith("/index") ? file.slice(0, -"/index".length) : file;
}

export function pagePath(guide: GuideId, slug: string): string {
  return slug ? `/${guide}/${slug}` : `/${guide}`;
}

/**
 * The href that leads from the page at `from` to the site path `to` (both absolute, no trailing slash), relative
 * so that the built site can be served from any folder.
 */
export function relativeHref(from: string, to: string): string {
  const [toPath = "/", hash] = splitHash(to);
  const fromDir = from.split("/").slice(1, -1);
  const target = toPath.split("/").slice(1).filter(Boolean);
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const up = fromDir.length - common;
  const rest = target.slice(common);
  const href = (up ? "../".repeat(up) : "./") + rest.join("/");
  return hash === undefined ? href : `${href}#${hash}`;
}

function splitHash(href: string): [string, string | undefined] {
  const index = href.indexOf("#");
  return index < 0 ? [href, undefined] : [href.slice(0, index), href.slice(index + 1)];
}
