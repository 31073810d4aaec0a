// The host page's colour scheme, by the site's rule (site/lib/styles/global.css): html[data-theme] when the reader
// picked one, else the OS's preference. Monaco and Swagger UI follow it on guide pages, in the playground and in
// embeds, and switch live. (Not the root's computed color-scheme: Swagger UI's own stylesheet sets that under its
// html.dark-mode, which this module toggles, so reading it back would never let dark go.)

/** The two schemes the site styles. */
export type ColorScheme = "light" | "dark";

/** The scheme the page is drawn in now. */
export function colorScheme(root: HTMLElement = document.documentElement): ColorScheme {
  const picked = root.dataset["theme"];
  if (picked === "light" || picked === "dark") return picked;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/**
 * Calls `onchange` with the scheme now and whenever it changes: the reader's toggle (which sets html[data-theme]) or
 * the OS switching between light and dark. Returns a function that stops watching.
 */
export function watchColorScheme(onchange: (scheme: ColorScheme) => void): () => void {
  const root = document.documentElement;
  let current = colorScheme(root);
  onchange(current);
  const check = () => {
    const next = colorScheme(root);
    if (next === current) return;
    current = next;
    onchange(next);
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  const media = matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", check);
  return () => {
    observer.disconnect();
    media.removeEventListener("change", check);
  };
}

/**
 * Swagger UI (5.x) draws itself dark under `html.dark-mode`: the class mirrors the site's scheme, so the docs panes
 * are never a white block on a dark page. Returns a function that stops mirroring.
 */
export function mirrorSchemeForSwaggerUI(): () => void {
  return watchColorScheme((scheme) => document.documentElement.classList.toggle("dark-mode", scheme === "dark"));
}
