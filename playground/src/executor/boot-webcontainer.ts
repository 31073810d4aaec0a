// Boots StackBlitz's WebContainer. Its client library loads only here, when asked: never on a page's first load.
import type { BootContainer } from "./webcontainer-executor.ts";

/** Boots the WebContainer (needs a cross-origin isolated page and StackBlitz's servers). */
export const bootWebContainer: BootContainer = async () => {
  const { WebContainer } = await import("@webcontainer/api");
  return WebContainer.boot();
};
