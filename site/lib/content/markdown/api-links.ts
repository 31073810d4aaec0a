// Links from prose to the API reference. The rule, one sentence: the first inline code span on a page that names a
// public export of fastapi-ts or fastapi-ts/node links to that export's reference entry.
//
// - A span names an export when its whole text is the export's name, optionally followed by members and one call, or
//   constructed: `Depends`, `Depends(getDb)`, `new FastAPI()`, `status.HTTP_404_NOT_FOUND`, `WebSocket.accept()`
//   (names are case-sensitive).
// - A name starting with a lower-case letter (a function or a constant) names the export only when it is called or a
//   member of it is read: `settings()`, `status.HTTP_200_OK`. Bare, `status` is as likely a property or a variable.
// - Only the first span per export per page links; later ones stay plain (a page full of links reads badly).
// - Spans in headings (which link to themselves) and spans already inside a link are left alone, and do not count.
// - To mention a name without the link, write it as HTML: <code>status</code>.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { relativeHref } from "../paths.ts";
import { pageEnv } from "./env.ts";

/** Where each export is described: export name → site path with anchor ("/reference/dependencies#Depends"). */
export type ApiLinkTargets = ReadonlyMap<string, string>;

const naming = /^(?:new\s+)?([A-Za-z_$][\w$]*)((?:\.[A-Za-z_$][\w$]*)*(?:\([^]*\))?)$/;

/** The export name an inline code span names, if it is written as one (see the rule above). */
export function spanName(code: string): string | undefined {
  const [, name, use] = naming.exec(code.trim()) ?? [];
  if (!name || (/^[a-z]/.test(name) && !use)) return undefined;
  return name;
}

/**
 * Wraps the first code span naming each export in a link to its entry. `linked` holds the names already linked
 * (shared across calls for one page); `from` is the site path of the page, for relative hrefs.
 */
export function linkApiNames(
  tokens: Token[],
  targets: ApiLinkTargets,
  from: string,
  linked: Set<string>,
  makeToken: (type: string, tag: string, nesting: -1 | 0 | 1) => Token,
): void {
  for (const [index, token] of tokens.entries()) {
    if (token.type !== "inline" || !token.children) continue;
    if (tokens[index - 1]?.type === "heading_open") continue;
    const children: Token[] = [];
    let linkDepth = 0;
    for (const child of token.children) {
      if (child.type === "link_open") linkDepth++;
      if (child.type === "link_close") linkDepth--;
      const name = child.type === "code_inline" && linkDepth === 0 ? spanName(child.content) : undefined;
      const target = name !== undefined && !linked.has(name) ? targets.get(name) : undefined;
      if (name === undefined || target === undefined) {
        children.push(child);
        continue;
      }
      linked.add(name);
      const open = makeToken("link_open", "a", 1);
      open.attrSet("href", relativeHref(from, target));
      open.attrSet("class", "api-link");
      children.push(open, child, makeToken("link_close", "a", -1));
    }
    token.children = children;
  }
}

export function apiLinks(md: MarkdownIt): void {
  md.core.ruler.push("api_links", (state: StateCore) => {
    if (state.inlineMode) return; // md.renderInline() of a title: not a page
    const env = pageEnv(state.env);
    if (!env.apiLinks?.size) return;
    linkApiNames(state.tokens, env.apiLinks, env.path, new Set(), (type, tag, nesting) => new state.Token(type, tag, nesting));
  });
}
