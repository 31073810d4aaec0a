// Code fences: the language must be one the highlighter knows (see ../languages.ts).
import type { MarkdownIt, StateCore } from "markdown-it";
import { ContentError } from "../errors.ts";
import { fenceLanguage, isFenceLanguage } from "../languages.ts";
import { pageEnv } from "./env.ts";

export function fences(md: MarkdownIt): void {
  md.core.ruler.push("page_fences", (state: StateCore) => {
    if (state.inlineMode) return; // md.renderInline() of a title: not a page
    const env = pageEnv(state.env);
    for (const token of state.tokens) {
      if (token.type !== "fence") continue;
      const lang = fenceLanguage(token.info);
      if (!isFenceLanguage(lang)) {
        throw new ContentError(`${env.source}:${(token.map?.[0] ?? 0) + 1}: unknown code language "${lang}"`);
      }
    }
  });
}
