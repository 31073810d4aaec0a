// The playground's example browser is built from the content outline: every example the guides place, by guide and
// page, with the section it appears in, its files and the paths its app declares.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readSourcesFromDisk } from "../../site/lib/content/disk.ts";
import { buildExampleIndex } from "../../site/lib/content/example-index.ts";
import { buildOutline } from "../../site/lib/content/index.ts";
import { countExamples, filterExamples, findExample } from "../../playground/src/project/example-index.ts";
import { sources } from "./fixtures.ts";

describe("the example index", () => {
  test("lists a page's examples under its guide, with the section each appears in", () => {
    const tree = sources({
      "examples/first_steps/tutorial001/main.test.ts": "test",
      "examples/path_params/tutorial001/main.ts": 'app.get("/items/{item_id}", async function read_item() {});\nrouter.websocket("/ws", f);\n',
      "tutorial/_order": "index\nfirst-steps\npath-params\n",
      "tutorial/index.md": "# Tutorial\n\nNo example here.\n",
      "tutorial/first-steps.md": "# First Steps\n\n::example first_steps/tutorial001\n\n## Again\n\n::example first_steps/tutorial001\n",
      "tutorial/path-params.md": "# Path Parameters\n\n## Declare one\n\n### With a type\n\n::example path_params/tutorial001\n",
    });
    const index = buildExampleIndex(buildOutline(tree), tree.examples);
    expect(index).toEqual([
      {
        id: "tutorial",
        title: "Tutorial – User Guide",
        pages: [
          {
            path: "/tutorial/first-steps",
            title: "First Steps",
            examples: [{ name: "first_steps/tutorial001", section: "", heading: "First Steps", files: ["main.ts", "main.test.ts"], routes: [] }],
          },
          {
            path: "/tutorial/path-params",
            title: "Path Parameters",
            examples: [{ name: "path_params/tutorial001", section: "with-a-type", heading: "With a type", files: ["main.ts"], routes: ["/items/{item_id}", "/ws"] }],
          },
        ],
      },
    ]);
  });

  test("the site's own index holds every example the guides place, each linking to a real section", () => {
    const tree = readSourcesFromDisk(fileURLToPath(new URL("../../tutorials", import.meta.url)));
    const outline = buildOutline(tree);
    const index = buildExampleIndex(outline, tree.examples);
    const placed = new Set(outline.pages.flatMap((page) => page.examples));
    const listed = new Set(index.flatMap((guide) => guide.pages.flatMap((page) => page.examples.map((example) => example.name))));
    expect(listed).toEqual(placed);
    expect(placed.size).toBeGreaterThan(200);
    for (const page of outline.pages) {
      for (const place of page.examplePlaces) {
        if (place.section) expect(page.headings.map((heading) => heading.id), `${page.path}#${place.section}`).toContain(place.section);
      }
    }
    // Small enough to ship inside the playground page.
    expect(JSON.stringify(index).length).toBeLessThan(80_000);
  });
});

describe("searching the index", () => {
  const index = [
    {
      id: "tutorial",
      title: "Tutorial – User Guide",
      pages: [
        { path: "/tutorial/first-steps", title: "First Steps", examples: [{ name: "first_steps/tutorial001", section: "", heading: "First Steps", files: ["main.ts"], routes: ["/"] }] },
        {
          path: "/tutorial/path-params",
          title: "Path Parameters",
          examples: [
            { name: "path_params/tutorial001", section: "a", heading: "Declare a path parameter", files: ["main.ts"], routes: ["/items/{item_id}"] },
            { name: "path_params/tutorial005", section: "b", heading: "Predefined values", files: ["main.ts", "main.test.ts"], routes: ["/models/{model_name}"] },
          ],
        },
      ],
    },
    {
      id: "advanced",
      title: "Advanced User Guide",
      pages: [{ path: "/advanced/websockets", title: "WebSockets", examples: [{ name: "websockets/tutorial001", section: "", heading: "WebSockets", files: ["main.ts"], routes: ["/ws"] }] }],
    },
  ];
  const names = (query: string) => filterExamples(index, query).flatMap((guide) => guide.pages.flatMap((page) => page.examples.map((example) => example.name)));

  test("an empty query keeps everything", () => {
    expect(filterExamples(index, "  ")).toBe(index);
    expect(countExamples(index)).toBe(4);
  });

  test("every word must match the guide, page, section, name, files or routes, in any case", () => {
    expect(names("PATH")).toEqual(["path_params/tutorial001", "path_params/tutorial005"]);
    expect(names("path predefined")).toEqual(["path_params/tutorial005"]);
    expect(names("/models")).toEqual(["path_params/tutorial005"]);
    expect(names("main.test")).toEqual(["path_params/tutorial005"]);
    expect(names("advanced")).toEqual(["websockets/tutorial001"]);
    expect(names("tutorial005")).toEqual(["path_params/tutorial005"]);
    expect(names("params tutorial001")).toEqual(["path_params/tutorial001"]);
    expect(names("nothing like this")).toEqual([]);
  });

  test("guides and pages left without examples are dropped", () => {
    expect(filterExamples(index, "websockets").map((guide) => guide.id)).toEqual(["advanced"]);
    expect(filterExamples(index, "predefined")[0]!.pages.map((page) => page.path)).toEqual(["/tutorial/path-params"]);
  });

  test("an example is found by name, with its page and guide", () => {
    expect(findExample(index, "path_params/tutorial005")?.page.title).toBe("Path Parameters");
    expect(findExample(index, "nope/nope")).toBeUndefined();
  });
});
