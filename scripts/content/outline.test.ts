// Ordering: _order files, guides in reading order, slugs and URLs, previous/next across guides.
import { describe, expect, test } from "vitest";
import { buildOutline, ContentError, renderPages } from "../../site/lib/content/index.ts";
import { orderFiles, parseOrder } from "../../site/lib/content/order.ts";
import { fakeHighlight, sources } from "./fixtures.ts";

describe("_order files", () => {
  test("one page file a line; comments and blank lines are ignored", () => {
    expect(parseOrder("# the order\nindex\n\nfirst-steps  # the first page\ndependencies/index\n", "x")).toEqual([
      "index",
      "first-steps",
      "dependencies/index",
    ]);
  });

  test("a name listed twice, or a name that is not a page file, is an error with its line", () => {
    expect(() => parseOrder("a\nb\na\n", "tutorials/tutorial/_order")).toThrow('tutorials/tutorial/_order:3: "a" is listed twice');
    expect(() => parseOrder("first-steps.md\n", "o")).toThrow(/o:1: "first-steps.md" is not a page file name/);
    expect(() => parseOrder("First Steps\n", "o")).toThrow(ContentError);
  });

  test("pages that do not exist yet are skipped; a page the order does not list is an error", () => {
    expect(orderFiles(["a", "b", "c"], ["c", "a"], "o")).toEqual(["a", "c"]);
    expect(() => orderFiles(["a"], ["a", "z", "y"], "o")).toThrow('o does not list "z", "y": add each page to it');
  });
});

const tree = {
  "tutorial/_order": "index\nfirst-steps\nnot-written-yet\ndependencies/index\ndependencies/sub-dependencies\n",
  "tutorial/dependencies/sub-dependencies.md": "# Sub-dependencies\n\nText.\n",
  "tutorial/first-steps.md": "# First Steps\n\nHello.\n\n## Run\n\n::example first_steps/tutorial001\n\nSee [deps](/tutorial/dependencies).\n",
  "tutorial/index.md": "# Tutorial – User Guide\n\nStart here.\n",
  "tutorial/dependencies/index.md": "# Dependencies\n\nDeps.\n",
  "advanced/_order": "index\n",
  "advanced/index.md": "# Advanced User Guide\n\nMore.\n",
  "learn/_order": "python-types\n",
  "learn/python-types.md": "# Types Intro\n\nTypes.\n",
  "README.md": "# Not a page\n",
};

describe("the outline", () => {
  const outline = buildOutline(sources(tree));

  test("guides in reading order, each with its pages in its _order's order", () => {
    expect(outline.guides.map((guide) => [guide.id, guide.title, guide.pages.map((page) => page.path)])).toEqual([
      ["learn", "Learn", ["/learn/python-types"]],
      ["tutorial", "Tutorial – User Guide", ["/tutorial", "/tutorial/first-steps", "/tutorial/dependencies", "/tutorial/dependencies/sub-dependencies"]],
      ["advanced", "Advanced User Guide", ["/advanced"]],
    ]);
    expect(outline.pages.map((page) => page.title)).toEqual([
      "Types Intro",
      "Tutorial – User Guide",
      "First Steps",
      "Dependencies",
      "Sub-dependencies",
      "Advanced User Guide",
    ]);
  });

  test("files become slugs, URLs and sidebar depths; a folder's index is the folder", () => {
    const rows = outline.pages.map(({ guide, file, slug, path, depth }) => ({ guide, file, slug, path, depth }));
    expect(rows).toContainEqual({ guide: "tutorial", file: "index", slug: "", path: "/tutorial", depth: 0 });
    expect(rows).toContainEqual({ guide: "tutorial", file: "dependencies/index", slug: "dependencies", path: "/tutorial/dependencies", depth: 0 });
    expect(rows).toContainEqual({
      guide: "tutorial",
      file: "dependencies/sub-dependencies",
      slug: "dependencies/sub-dependencies",
      path: "/tutorial/dependencies/sub-dependencies",
      depth: 1,
    });
  });

  test("previous and next run through all guides in order", () => {
    const links = outline.pages.map((page) => [page.prev?.path ?? null, page.path, page.next?.path ?? null]);
    expect(links).toEqual([
      [null, "/learn/python-types", "/tutorial"],
      ["/learn/python-types", "/tutorial", "/tutorial/first-steps"],
      ["/tutorial", "/tutorial/first-steps", "/tutorial/dependencies"],
      ["/tutorial/first-steps", "/tutorial/dependencies", "/tutorial/dependencies/sub-dependencies"],
      ["/tutorial/dependencies", "/tutorial/dependencies/sub-dependencies", "/advanced"],
      ["/tutorial/dependencies/sub-dependencies", "/advanced", null],
    ]);
    expect(outline.pages[2]!.next).toEqual({ path: "/tutorial/dependencies", title: "Dependencies" });
  });

  test("each page lists its headings and the examples it places", () => {
    const page = outline.pages.find((entry) => entry.path === "/tutorial/first-steps")!;
    expect(page.headings).toEqual([{ depth: 2, id: "run", text: "Run" }]);
    expect(page.examples).toEqual(["first_steps/tutorial001"]);
    expect(page.examplePlaces).toEqual([{ name: "first_steps/tutorial001", section: "run", heading: "Run" }]);
    expect(page.description).toBe("Hello.");
  });

  test("rendering gives every page its HTML, with links relative to the page", () => {
    const html = renderPages(sources(tree), fakeHighlight);
    expect([...html.keys()]).toEqual(outline.pages.map((page) => page.path));
    expect(html.get("/tutorial/first-steps")).toContain('<a href="./dependencies">deps</a>');
    expect(html.get("/tutorial/first-steps")).toContain('data-example="first_steps/tutorial001"');
  });

  test("a guide with pages but no _order, a page the order misses, and a page outside the guides are errors", () => {
    expect(() => buildOutline(sources({ "how-to/x.md": "# X\n" }))).toThrow("tutorials/how-to/_order is missing");
    expect(() => buildOutline(sources({ "how-to/_order": "y\n", "how-to/x.md": "# X\n" }))).toThrow('does not list "x"');
    expect(() => buildOutline(sources({ "blog/x.md": "# X\n" }))).toThrow('"blog" is not a guide');
  });

  test("errors inside a page name its file", () => {
    expect(() => buildOutline(sources({ "learn/_order": "a\n", "learn/a.md": "no title\n" }))).toThrow('tutorials/learn/a.md: no "# " title');
  });
});
