// The playground's example browser, built from the content outline at build time: every example the guides place,
// by guide and page, with its section, files and declared paths (types: $playground/project/example-index.ts).
import type { ExampleIndex } from "$playground/project/example-index.ts";
import type { Outline } from "./types.ts";

// `app.get("/items/{item_id}", …)`, `router.websocket("/ws", …)`: the first string argument of a route method.
const ROUTE = /\.(?:get|post|put|patch|delete|head|options|trace|api_route|apiRoute|websocket|route)\(\s*["'`]([^"'`]+)["'`]/g;

/** The index of `outline`'s examples; `examples` holds each example's files by name. */
export function buildExampleIndex(outline: Outline, examples: ReadonlyMap<string, ReadonlyMap<string, string>>): ExampleIndex {
  return outline.guides
    .map((guide) => ({
      id: guide.id,
      title: guide.title,
      pages: guide.pages
        .filter((page) => page.examplePlaces.length > 0)
        .map((page) => ({
          path: page.path,
          title: page.title,
          examples: page.examplePlaces.map((place) => {
            const files = examples.get(place.name) ?? new Map<string, string>();
            const names = [...files.keys()].sort((a, b) => (a === "main.ts" ? -1 : b === "main.ts" ? 1 : a.localeCompare(b)));
            const routes = new Set<string>();
            for (const [file, code] of files) {
              if (file.endsWith(".test.ts")) continue;
              for (const match of code.matchAll(ROUTE)) routes.add(match[1]!);
            }
            return { name: place.name, section: place.section, heading: place.heading, files: names, routes: [...routes] };
          }),
        })),
    }))
    .filter((guide) => guide.pages.length > 0);
}
