// A guide's reading order: tutorials/<guide>/_order lists its page files (without ".md"), one a line.
// Entries whose file does not exist yet are skipped; a page file the list does not name is an error, so no page
// is ever built without a place in the sidebar.
import { ContentError } from "./errors.ts";

export function parseOrder(text: string, where: string): string[] {
  const entries: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/.test(line)) {
      throw new ContentError(`${where}:${index + 1}: "${line}" is not a page file name (lower-case words, "-", "/")`);
    }
    if (entries.includes(line)) throw new ContentError(`${where}:${index + 1}: "${line}" is listed twice`);
    entries.push(line);
  }
  return entries;
}

/** The files that exist, in the order's order. */
export function orderFiles(order: readonly string[], files: readonly string[], where: string): string[] {
  const unlisted = files.filter((file) => !order.includes(file));
  if (unlisted.length) {
    throw new ContentError(`${where} does not list ${unlisted.map((file) => `"${file}"`).join(", ")}: add each page to it`);
  }
  return order.filter((entry) => files.includes(entry));
}
