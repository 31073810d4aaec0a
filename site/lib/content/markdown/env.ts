// What the markdown plugins read about the page being rendered, and what they record about it.
import type { ExamplePlace, Heading, Section } from "../types.ts";
import { SlugRegistry } from "../slug.ts";

// A type, not an interface: markdown-it takes the env as Record<string, unknown>.
export type PageEnv = {
  /** Where the page's source is, for error messages: "tutorials/tutorial/first-steps.md". */
  source: string;
  /** The page's own URL path, to make links to other pages relative. */
  path: string;
  /** Every path a link may point to: the pages and the site's other routes. */
  knownPaths: ReadonlySet<string>;
  /** Example files by "<topic>/<name>". */
  examples: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Where each public export is described in the API reference (see api-links.ts); none: no links. */
  apiLinks?: ReadonlyMap<string, string>;

  slugs: SlugRegistry;
  title: string;
  description: string;
  headings: Heading[];
  sections: Section[];
  exampleNames: string[];
  /** Where each example first appears: the section (h2/h3) around it. */
  examplePlaces: ExamplePlace[];
  /** Live examples placed so far (an example placed twice counts twice): numbers their tabs' ids. */
  exampleCount: number;
  tabGroups: number;
};

export function createPageEnv(init: Pick<PageEnv, "source" | "path" | "knownPaths" | "examples" | "apiLinks">): PageEnv {
  return {
    ...init,
    slugs: new SlugRegistry(),
    title: "",
    description: "",
    headings: [],
    sections: [],
    exampleNames: [],
    examplePlaces: [],
    exampleCount: 0,
    tabGroups: 0,
  };
}

/** markdown-it types its env loosely; every env this pipeline renders with is a PageEnv. */
export function pageEnv(env: unknown): PageEnv {
  if (typeof env !== "object" || env === null || !("slugs" in env)) {
    throw new Error("render markdown with createPageEnv()");
  }
  return env as PageEnv;
}
