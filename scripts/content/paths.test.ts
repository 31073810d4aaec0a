import { describe, expect, test } from "vitest";
import { pagePath, relativeHref, slugOfFile } from "../../site/lib/content/paths.ts";
import { SlugRegistry, slugify } from "../../site/lib/content/slug.ts";

describe("page paths", () => {
  test("a file's slug drops a trailing index", () => {
    expect(slugOfFile("first-steps")).toBe("first-steps");
    expect(slugOfFile("index")).toBe("");
    expect(slugOfFile("dependencies/index")).toBe("dependencies");
    expect(slugOfFile("dependencies/sub-dependencies")).toBe("dependencies/sub-dependencies");
    expect(pagePath("tutorial", "")).toBe("/tutorial");
    expect(pagePath("tutorial", "dependencies/sub-dependencies")).toBe("/tutorial/dependencies/sub-dependencies");
  });

  test.each([
    ["/tutorial/first-steps", "/tutorial/path-params", "./path-params"],
    ["/tutorial/first-steps", "/", "../"],
    ["/tutorial/first-steps", "/playground", "../playground"],
    ["/tutorial/first-steps", "/advanced/events#x", "../advanced/events#x"],
    ["/tutorial", "/tutorial/first-steps", "./tutorial/first-steps"],
    ["/tutorial", "/", "./"],
    ["/tutorial/dependencies/classes", "/tutorial/first-steps", "../first-steps"],
    ["/tutorial/dependencies/classes", "/tutorial/dependencies", "../dependencies"],
    ["/tutorial/dependencies/classes", "/tutorial/dependencies/sub", "./sub"],
    ["/tutorial/first-steps", "/tutorial/dependencies/sub", "./dependencies/sub"],
  ])("from %s, %s is %s", (from, to, href) => {
    expect(relativeHref(from, to)).toBe(href);
    // The href must lead to the target when the browser resolves it against the page's URL.
    const resolved = new URL(href, `https://example.com/base${from}`);
    expect(resolved.pathname + resolved.hash).toBe(`/base${to === "/" ? "/" : to}`);
  });
});

describe("heading ids", () => {
  test("lower-case words joined by dashes, without punctuation", () => {
    expect(slugify("Query Parameters and String Validations")).toBe("query-parameters-and-string-validations");
    expect(slugify('What "schema" means here')).toBe("what-schema-means-here");
    expect(slugify("Step 1: import `FastAPI`")).toBe("step-1-import-fastapi");
    expect(slugify("Café – déjà vu")).toBe("cafe-deja-vu");
    expect(slugify("app.get() and snake_case")).toBe("appget-and-snake-case");
  });

  test("repeated headings get numbered ids that never collide", () => {
    const ids = new SlugRegistry();
    expect(["Recap", "Recap", "Recap 1", "Recap", "?!"].map((text) => ids.take(text))).toEqual([
      "recap",
      "recap-1",
      "recap-1-1",
      "recap-2",
      "section",
    ]);
  });
});
