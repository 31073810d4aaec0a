// Pages that moved: every old path must lead to a page, and no page may still live at an old path.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { buildOutline, ContentError, redirectEntries, redirects } from "../../site/lib/content/index.ts";
import { readSourcesFromDisk } from "../../site/lib/content/disk.ts";
import { checkRedirects } from "../../site/lib/content/redirects.ts";

describe("redirects", () => {
  test("every old path of the real content leads to a page and is no page itself", () => {
    const outline = buildOutline(readSourcesFromDisk(fileURLToPath(new URL("../../tutorials", import.meta.url))));
    const paths = new Set(outline.pages.map((page) => page.path));
    for (const [from, to] of redirects) {
      expect(paths.has(from), from).toBe(false);
      expect(paths.has(to.replace(/#.*$/, "")), to).toBe(true);
    }
    expect(redirects.get("/how-to/separating-openapi-schemas")).toBe("/how-to/separate-openapi-schemas");
  });

  test("a redirect to no page, or from a page that exists, fails the build", () => {
    const pages = new Set(["/how-to/a", "/how-to/b"]);
    expect(() => checkRedirects(pages, new Map([["/how-to/old", "/how-to/gone"]]))).toThrow(ContentError);
    expect(() => checkRedirects(pages, new Map([["/how-to/old", "/how-to/gone"]]))).toThrow(/leads to \/how-to\/gone, which is no page/);
    expect(() => checkRedirects(pages, new Map([["/how-to/a", "/how-to/b"]]))).toThrow(/a page still lives there/);
    expect(() => checkRedirects(pages, new Map([["/how-to/old", "/how-to/b#part"]]))).not.toThrow();
  });

  test("the route parameters of an old path are its guide and the rest", () => {
    expect(redirectEntries(new Map([["/how-to/old", "/how-to/b"], ["/tutorial/deep/old", "/how-to/b"]]))).toEqual([
      { guide: "how-to", slug: "old" },
      { guide: "tutorial", slug: "deep/old" },
    ]);
  });
});
