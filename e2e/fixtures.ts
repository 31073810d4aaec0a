// Every end-to-end test records each request the page, its frames and its workers make, and fails
// if any of them goes anywhere but the site's own origin: the site must work with no network.
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const check = (url: string) => {
        if (/^(data|blob|about):/.test(url)) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      };
      // Chromium resolves no other host (see playwright.config.ts), so a slip fails fast and shows here.
      context.on("request", (request) => check(request.url()));
      await use(foreign);
      expect(foreign, "requests that left the site's origin").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
