// Every end-to-end test records each request the page, its frames and its workers make, and fails
// if any of them goes anywhere but the site's own origin: the site must work with no network.
import { test as base, expect, type BrowserContext } from "@playwright/test";

/** Records, in the returned list, every request of `context` that goes anywhere but `origin` (data/blob/about aside). */
export function foreignRequestsOf(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  // Chromium resolves no other host (see playwright.config.ts), so a slip fails fast and shows here.
  context.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/** Records, in the returned list, every exception left uncaught by a page of `context` (its frames included). */
export function pageErrorsOf(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on("weberror", (webError) => {
    const error = webError.error();
    errors.push(`${webError.page()?.url() ?? "?"}: ${error.name}: ${error.message}`);
  });
  return errors;
}

export const test = base.extend<{ foreignRequests: string[]; pageErrors: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const foreign = foreignRequestsOf(context, new URL(baseURL!).origin);
      await use(foreign);
      expect(foreign, "requests that left the site's origin").toEqual([]);
    },
    { auto: true },
  ],
  // A reader never sees an uncaught exception in the console: each one is a bug, whether or not the test looked for
  // it (a destroyed pane's late callback was found only by chance before). A test that provokes one on purpose
  // empties the list after checking it.
  pageErrors: [
    async ({ context }, use) => {
      const errors = pageErrorsOf(context);
      await use(errors);
      expect(errors, "exceptions left uncaught by the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
