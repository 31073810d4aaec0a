// The guides' examples as the playground's example browser lists them: by guide, then by page (the topic), each
// with the section it appears in, its files and the paths its app declares. The site builds the index from its
// content outline at build time (site/lib/content/example-index.ts) and ships it inside the playground page, so
// browsing and searching need no request at all.

/** One example, where it appears and what it holds. */
export interface ExampleEntry {
  /** "<topic>/<name>", as examples/<topic>/<name>/project.json and #example= name it. */
  name: string;
  /** The heading id of the section it appears in on its page ("" for the page's introduction). */
  section: string;
  /** That section's heading (the page title for the introduction). */
  heading: string;
  /** Its files, main.ts first. */
  files: string[];
  /** The paths its app declares ("/items/{item_id}"), for search. */
  routes: string[];
}

/** A page of a guide and the examples it places, in order. */
export interface ExamplePage {
  /** The page's site path: "/tutorial/first-steps". */
  path: string;
  title: string;
  examples: ExampleEntry[];
}

/** A guide and its pages that have examples, in reading order. */
export interface ExampleGuide {
  id: string;
  title: string;
  pages: ExamplePage[];
}

/** Every example of the guides. */
export type ExampleIndex = ExampleGuide[];

/** An example found in the index, with the page and guide it belongs to. */
export interface FoundExample {
  guide: ExampleGuide;
  page: ExamplePage;
  example: ExampleEntry;
}

/** Finds an example by name (its first page, if several pages place it). */
export function findExample(index: ExampleIndex, name: string): FoundExample | undefined {
  for (const guide of index) {
    for (const page of guide.pages) {
      const example = page.examples.find((entry) => entry.name === name);
      if (example) return { guide, page, example };
    }
  }
  return undefined;
}

/** How many examples the index holds (an example placed on two pages counts twice: it is listed twice). */
export function countExamples(index: ExampleIndex): number {
  return index.reduce((sum, guide) => sum + guide.pages.reduce((n, page) => n + page.examples.length, 0), 0);
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * The index narrowed to what matches `query`: every word of the query must appear in the example's guide, page
 * title, section heading, name, files or routes (case-insensitive, anywhere in a word). Guides and pages left with
 * no example are dropped; an empty query keeps everything.
 */
export function filterExamples(index: ExampleIndex, query: string): ExampleIndex {
  const wanted = words(query);
  if (!wanted.length) return index;
  const matches = (haystack: string) => wanted.every((word) => haystack.includes(word));
  return index
    .map((guide) => ({
      ...guide,
      pages: guide.pages
        .map((page) => ({
          ...page,
          examples: page.examples.filter((example) =>
            matches([guide.title, page.title, example.heading, example.name, example.name.replace(/[_/]/g, " "), ...example.files, ...example.routes].join("\n").toLowerCase()),
          ),
        }))
        .filter((page) => page.examples.length > 0),
    }))
    .filter((guide) => guide.pages.length > 0);
}
