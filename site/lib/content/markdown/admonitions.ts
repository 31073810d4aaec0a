// Admonitions: `::: tip Optional title` … `:::` (also note, info, warning, danger) become a titled box.
import container from "markdown-it-container";
import type { MarkdownIt, Token } from "markdown-it";

export const admonitionKinds = {
  note: "Note",
  tip: "Tip",
  info: "Info",
  warning: "Warning",
  danger: "Danger",
} as const;

export function admonitions(md: MarkdownIt): void {
  for (const [kind, defaultTitle] of Object.entries(admonitionKinds)) {
    md.use(container, kind, {
      render(tokens: Token[], index: number) {
        const token = tokens[index]!;
        if (token.nesting !== 1) return "</div>\n";
        const title = token.info.trim().slice(kind.length).trim() || defaultTitle;
        return `<div class="admonition ${kind}" role="note"><p class="admonition-title">${md.renderInline(title)}</p>\n`;
      },
    });
  }
}
