// The public shape of the content: guides → pages in reading order, with what each page holds.
import type { GuideId } from "./guides.ts";

/** A heading below the page title (h2–h4), with the id its anchor links to. */
export interface Heading {
  depth: 2 | 3 | 4;
  id: string;
  text: string;
}

/** A searchable part of a page: its introduction (id "") or the text under one h2/h3. */
export interface Section {
  id: string;
  heading: string;
  text: string;
}

/** Where an example appears on its page: the section (h2/h3; id "" for the introduction) around it. */
export interface ExamplePlace {
  /** "<topic>/<name>" */
  name: string;
  /** The section's heading id, for a link to it ("" before the first h2). */
  section: string;
  /** The section's heading (the page title before the first h2). */
  heading: string;
}

export interface PageLink {
  path: string;
  title: string;
}

export interface PageEntry {
  guide: GuideId;
  /** The markdown file inside tutorials/<guide>/, without ".md": "first-steps", "dependencies/index". */
  file: string;
  /** The route's rest parameter: "first-steps", "dependencies/sub-dependencies", "" for the guide's index. */
  slug: string;
  /** The stable URL path: "/tutorial/first-steps". */
  path: string;
  /** Nesting in the guide's sidebar: 0 for top-level pages, 1 for "dependencies/…". */
  depth: number;
  title: string;
  description: string;
  headings: Heading[];
  sections: Section[];
  /** Examples the page places, as "<topic>/<name>", in order of appearance. */
  examples: string[];
  /** The same examples, each with the section it first appears in. */
  examplePlaces: ExamplePlace[];
  prev: PageLink | null;
  next: PageLink | null;
}

export interface GuideEntry {
  id: GuideId;
  title: string;
  pages: PageEntry[];
}

/** Every guide that has pages, in reading order, and every page across them. */
export interface Outline {
  guides: GuideEntry[];
  pages: PageEntry[];
}

/** The sidebar's view of the outline: small enough to ship with every page. */
export interface NavGuide {
  id: GuideId;
  title: string;
  pages: { path: string; slug: string; title: string; depth: number }[];
}

/** What a guide page's route receives: the page's entry, rendered. */
export interface RenderedPage {
  path: string;
  guide: GuideId;
  guideTitle: string;
  title: string;
  description: string;
  headings: Heading[];
  examples: string[];
  prev: PageLink | null;
  next: PageLink | null;
  html: string;
}
