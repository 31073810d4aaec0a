// The markdown pipeline: CommonMark (markdown-it) plus the site's directives. With a highlighter it renders; without
// one it still parses every page completely, which is how the outline is read.
import MarkdownIt, { type MarkdownIt as Markdown } from "markdown-it";
import { admonitions } from "./admonitions.ts";
import { apiLinks } from "./api-links.ts";
import { example } from "./example.ts";
import { fences } from "./fences.ts";
import { headings } from "./headings.ts";
import { links } from "./links.ts";
import { tabs } from "./tabs.ts";

/** Turns code into highlighted HTML (a whole `<pre>`). */
export type Highlight = (code: string, lang: string) => string;

export function createMarkdown(highlight?: Highlight): Markdown {
  const md = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: highlight ? (code, info) => highlight(code, info) : null,
  });
  md.use(headings).use(links).use(apiLinks).use(fences).use(example).use(admonitions).use(tabs);
  return md;
}

export { createPageEnv, type PageEnv } from "./env.ts";
