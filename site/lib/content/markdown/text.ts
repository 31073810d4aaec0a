import type { Token } from "markdown-it";

/** The plain text of an inline token: its words and inline code, without markup. */
export function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? "";
  return token.children
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" ? " " : ""))
    .join("");
}
