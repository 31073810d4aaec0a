// How wide a guide's live examples are, the reader's choice, kept across pages and visits: "text" (the width of the
// prose) or "wide" (the whole width of the page's main area). It lives on html[data-example-width], which
// site/app.html sets from storage before the first paint, so a page never reflows after loading.

/** The two widths a live example can take. */
export type ExampleWidth = "text" | "wide";

/** The localStorage key (site/app.html reads it too). */
export const EXAMPLE_WIDTH_KEY = "fastapi-ts:example-width";

/** The width the page shows examples at now. */
export function exampleWidth(): ExampleWidth {
  return document.documentElement.dataset["exampleWidth"] === "wide" ? "wide" : "text";
}

/** Shows every example of the page at `width` and remembers it for the next pages. */
export function setExampleWidth(width: ExampleWidth): void {
  if (width === "wide") document.documentElement.dataset["exampleWidth"] = "wide";
  else delete document.documentElement.dataset["exampleWidth"];
  try {
    if (width === "wide") localStorage.setItem(EXAMPLE_WIDTH_KEY, "wide");
    else localStorage.removeItem(EXAMPLE_WIDTH_KEY);
  } catch {
    // Storage may be off (private mode, policy): the choice then lasts for this page only.
  }
}
