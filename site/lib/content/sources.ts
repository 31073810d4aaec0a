// The raw content, whichever way it was read (Vite's import.meta.glob in the site, node:fs in tests).
import { ContentError } from "./errors.ts";
import { type GuideId, isGuideId } from "./guides.ts";

export interface ContentSources {
  /** Markdown by guide, then by file ("first-steps", "dependencies/index"). */
  pages: Map<GuideId, Map<string, string>>;
  /** Each guide's _order file. */
  orders: Map<GuideId, string>;
  /** Example files by "<topic>/<name>", then by file name relative to the example's folder. */
  examples: Map<string, Map<string, string>>;
}

/**
 * Sorts files given by their path inside tutorials/ ("tutorial/first-steps.md", "tutorial/_order",
 * "examples/first_steps/tutorial001/main.ts"). Anything else (README.md at the top) is ignored.
 */
export function classifySources(files: Record<string, string>): ContentSources {
  const sources: ContentSources = { pages: new Map(), orders: new Map(), examples: new Map() };
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const parts = path.split("/");
    const [top, ...rest] = parts;
    if (!top || rest.length === 0) continue;
    if (top === "examples") {
      const [topic, name, ...file] = rest;
      if (!topic || !name || file.length === 0) continue;
      const key = `${topic}/${name}`;
      const example = sources.examples.get(key) ?? new Map<string, string>();
      example.set(file.join("/"), text);
      sources.examples.set(key, example);
      continue;
    }
    if (!isGuideId(top)) {
      if (path.endsWith(".md")) throw new ContentError(`tutorials/${path}: "${top}" is not a guide`);
      continue;
    }
    const file = rest.join("/");
    if (file === "_order") sources.orders.set(top, text);
    else if (file.endsWith(".md")) {
      const pages = sources.pages.get(top) ?? new Map<string, string>();
      pages.set(file.slice(0, -".md".length), text);
      sources.pages.set(top, pages);
    }
  }
  return sources;
}
