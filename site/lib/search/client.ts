// The browser's side of search: the index (built with the site) and MiniSearch load on first use, never before.
import type MiniSearch from "minisearch";
import { searchOptions, type SearchDocument, type StoredFields } from "./options.ts";

export interface SearchHit extends StoredFields {
  id: string;
}

let index: Promise<MiniSearch<SearchDocument>> | undefined;

export function loadIndex(url: string): Promise<MiniSearch<SearchDocument>> {
  index ??= (async () => {
    const [{ default: MiniSearchClass }, response] = await Promise.all([import("minisearch"), fetch(url)]);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    return MiniSearchClass.loadJSON<SearchDocument>(await response.text(), searchOptions);
  })();
  index.catch(() => (index = undefined));
  return index;
}

export function search(engine: MiniSearch<SearchDocument>, query: string, limit = 8): SearchHit[] {
  if (!query.trim()) return [];
  return engine.search(query).slice(0, limit).map((result) => ({
    id: String(result.id),
    path: String(result["path"]),
    anchor: String(result["anchor"] ?? ""),
    heading: String(result["heading"]),
    page: String(result["page"]),
    guide: String(result["guide"]),
  }));
}
