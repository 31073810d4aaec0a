// One index layout for the build (which fills the index) and the browser (which loads it): MiniSearch needs the
// same options on both sides.
import type { Options } from "minisearch";

/** One searchable part of a page: its introduction or one h2/h3 section. */
export interface SearchDocument {
  id: string;
  /** Where the result leads: the page's path and the section's anchor ("" for the introduction). */
  path: string;
  anchor: string;
  heading: string;
  page: string;
  guide: string;
  text: string;
}

export type StoredFields = Pick<SearchDocument, "path" | "anchor" | "heading" | "page" | "guide">;

export const searchOptions: Options<SearchDocument> = {
  fields: ["heading", "page", "text"],
  storeFields: ["path", "anchor", "heading", "page", "guide"],
  searchOptions: { boost: { heading: 3, page: 2 }, prefix: true, fuzzy: 0.2, combineWith: "AND" },
};
