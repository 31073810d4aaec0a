// The reader's theme: the OS preference until the reader picks one with the toggle; the pick is remembered.
// site/app.html applies a stored pick before the first paint, so a reload never flashes the other theme.

export type Theme = "light" | "dark";

export const themeStorageKey = "fastapi-ts:theme";

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(themeStorageKey);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

export function systemTheme(): Theme {
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset["theme"] = theme;
  try {
    localStorage.setItem(themeStorageKey, theme);
  } catch {
    // Storage may be off (private mode, policy): the choice then lasts for this page only.
  }
}
