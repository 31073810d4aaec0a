// Monaco in the site's colours: a light and a dark theme on the site's background, switched live with the page's
// colour scheme (Monaco's theme is global: every editor on the page follows).
import type * as Monaco from "monaco-editor";
import { watchColorScheme, type ColorScheme } from "../theme/color-scheme.ts";

/** Monaco's theme names for the site's two schemes. */
export const MONACO_THEMES: Record<ColorScheme, string> = { light: "fastapi-ts-light", dark: "fastapi-ts-dark" };

let following = false;

/** Defines the site's Monaco themes and keeps Monaco on the one matching the page (once per page). */
export function followSiteTheme(monaco: typeof Monaco): void {
  if (following) return;
  following = true;
  // The site's --bg, --surface and --border of global.css; Monaco needs literal colours.
  monaco.editor.defineTheme(MONACO_THEMES.light, {
    base: "vs",
    inherit: true,
    rules: [],
    colors: { "editor.background": "#ffffff", "editorGutter.background": "#ffffff", "editor.lineHighlightBorder": "#eaeef2", "editorWidget.border": "#d0d7de" },
  });
  monaco.editor.defineTheme(MONACO_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    rules: [],
    colors: { "editor.background": "#0d1117", "editorGutter.background": "#0d1117", "editor.lineHighlightBorder": "#21262d", "editorWidget.border": "#30363d" },
  });
  watchColorScheme((scheme) => monaco.editor.setTheme(MONACO_THEMES[scheme]));
}
