// Build-time syntax highlighting with shiki: light and dark colours as CSS variables, switched by the theme's CSS.
// Nothing of shiki reaches the reader's browser.
import { createHighlighter } from "shiki";
import { fenceLanguage, fenceLanguages, isFenceLanguage } from "./languages.ts";
import type { Highlight } from "./markdown/index.ts";

const themes = { light: "github-light", dark: "github-dark" } as const;

export async function createHighlight(): Promise<Highlight> {
  const langs = [...new Set(Object.values(fenceLanguages))].filter((lang) => lang !== "text");
  const highlighter = await createHighlighter({ themes: Object.values(themes), langs });
  return (code, info) => {
    const lang = fenceLanguage(info);
    return highlighter.codeToHtml(code.replace(/\n$/, ""), {
      lang: isFenceLanguage(lang) ? fenceLanguages[lang] : "text",
      themes,
      defaultColor: false,
    });
  };
}
