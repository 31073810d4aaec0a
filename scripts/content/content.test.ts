// The real content in tutorials/: it must build (every page titled, every link and example resolving) and render
// with the real highlighter, which must leave no highlighter code in the output, only coloured spans.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { buildOutline, renderPages } from "../../site/lib/content/index.ts";
import { readSourcesFromDisk } from "../../site/lib/content/disk.ts";
import { createHighlight } from "../../site/lib/content/highlight.ts";

const sources = readSourcesFromDisk(fileURLToPath(new URL("../../tutorials", import.meta.url)));

describe("tutorials/", () => {
  const outline = buildOutline(sources);

  test("has the first-steps page, placing its example", () => {
    const page = outline.pages.find((entry) => entry.path === "/tutorial/first-steps");
    expect(page?.title).toBe("First Steps");
    expect(page?.examples).toContain("first_steps/tutorial001");
  });

  test("every page has a title and a description, and every example it places exists", () => {
    for (const page of outline.pages) {
      expect(page.title, page.path).not.toBe("");
      expect(page.description, page.path).not.toBe("");
      for (const name of page.examples) expect(sources.examples.get(name)?.has("main.ts"), name).toBe(true);
    }
  });

  test("renders with shiki: both palettes as CSS variables, no inline highlighter", async () => {
    const html = renderPages(sources, await createHighlight());
    const page = html.get("/tutorial/first-steps")!;
    expect(page).toMatch(/<div class="example" data-example="first_steps\/tutorial001">/);
    expect(page).toMatch(/<pre class="shiki shiki-themes github-light github-dark"/);
    expect(page).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">import<\/span>/);
    expect(page).not.toContain("<script");
    // It renders every page of the guides, which grows with them.
  }, 120_000);
});
