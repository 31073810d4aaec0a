// One shiki highlighter for everything the build renders (guide pages, examples, the API reference): loading its
// grammars and themes is the slow part, so it is done once.
import { createHighlight } from "$lib/content/highlight.ts";
import type { Highlight } from "$lib/content/markdown/index.ts";

let highlight: Promise<Highlight> | undefined;

export function sharedHighlight(): Promise<Highlight> {
  highlight ??= createHighlight();
  return highlight;
}
