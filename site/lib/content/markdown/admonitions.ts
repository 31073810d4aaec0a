// Admonitions: `::: tip Optional title` … `:::` (also note, info, warning, danger) become a titled box.
// A "Coming from FastAPI" note links its title to the Learn guide's side-by-side map, so each page's note leads to
// the whole picture without every page repeating the link.
import container from "markdown-it-container";
import type { MarkdownIt, Token } from "markdown-it";
import { relativeHref } from "../paths.ts";
import { pageEnv } from "./env.ts";

export const admonitionKinds = {
  note: "Note",
  tip: "Tip",
  info: "Info",
  warning: "Warning",
  danger: "Danger",
} as const;

/** Admonition titles that link to a page: the title, as written, → the page's path. */
export const linkedTitles: ReadonlyMap<string, string> = new Map([["Coming from FastAPI", "/learn/coming-from-fastapi"]]);

export function admonitions(md: MarkdownIt): void {
  for (const [kind, defaultTitle] of Object.entries(admonitionKinds)) {
    md.use(container, kind, {
      render(tokens: Token[], index: number, _options: unknown, env: unknown) {
        const token = tokens[index]!;
        if (token.nesting !== 1) return "</div>\n";
        const title = token.info.trim().slice(kind.length).trim() || defaultTitle;
        return `<div class="admonition ${kind}" role="note"><p class="admonition-title">${titleHtml(md, title, env)}</p>\n`;
      },
    });
  }
}

function titleHtml(md: MarkdownIt, title: string, env: unknown): string {
  const html = md.renderInline(title);
  const target = linkedTitles.get(title);
  if (target === undefined) return html;
  const { path, knownPaths } = pageEnv(env);
  // Until the page exists (or on the page itself) the title stays plain text.
  if (!knownPaths.has(target) || path === target) return html;
  return `<a href="${md.utils.escapeHtml(relativeHref(path, target))}">${html}</a>`;
}
