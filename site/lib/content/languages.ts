// The languages code fences may name, and what each highlights as. Checked while parsing, so a typo in a fence
// fails the build with the page's name instead of showing unhighlighted code.

export const fenceLanguages = {
  ts: "typescript",
  typescript: "typescript",
  js: "javascript",
  javascript: "javascript",
  json: "json",
  jsonc: "jsonc",
  sh: "shellscript",
  bash: "shellscript",
  shell: "shellscript",
  console: "shellsession",
  python: "python",
  py: "python",
  html: "html",
  css: "css",
  yaml: "yaml",
  toml: "toml",
  http: "http",
  diff: "diff",
  dockerfile: "dockerfile",
  ini: "ini",
  sql: "sql",
  text: "text",
  txt: "text",
} as const;

export type FenceLanguage = keyof typeof fenceLanguages;

export function isFenceLanguage(lang: string): lang is FenceLanguage {
  return Object.hasOwn(fenceLanguages, lang);
}

/** The language a fence's info string names ("ts title=x" → "ts"); an empty info string is plain text. */
export function fenceLanguage(info: string): string {
  return info.trim().split(/\s+/)[0]?.toLowerCase() || "text";
}
