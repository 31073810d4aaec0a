// Links: a link to another page is written as its site path ("/tutorial/path-params#anchor"); it must name a page
// that exists, and it is rewritten relative to the page so the built site works from any folder.
import type { MarkdownIt, StateCore } from "markdown-it";
import { ContentError } from "../errors.ts";
import { relativeHref } from "../paths.ts";
import { pageEnv } from "./env.ts";

export function links(md: MarkdownIt): void {
  md.core.ruler.push("page_links", (state: StateCore) => {
    if (state.inlineMode) return; // md.renderInline() of a title: not a page
    const env = pageEnv(state.env);
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type !== "link_open") continue;
        const href = String(child.attrGet("href") ?? "");
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue;
        if (href.startsWith("#")) continue;
        if (!href.startsWith("/")) {
          throw new ContentError(`${env.source}: link "${href}": write links to pages as site paths, like "/tutorial/first-steps"`);
        }
        const path = href.replace(/[#?].*$/, "");
        if (!env.knownPaths.has(path)) throw new ContentError(`${env.source}: link "${href}" leads to no page`);
        child.attrSet("href", relativeHref(env.path, href));
      }
    }
  });
}
