// Opening a page of the guides and checking it is the page the content module describes. Shared by site.test.ts
// (pages without examples) and the examples sweep, which opens every page with examples anyway to run them.
import type { Page } from "@playwright/test";
import type { PageEntry } from "../site/lib/content/types.ts";
import { expect } from "./fixtures.ts";

/**
 * Opens `entry`'s page and checks it: prerendered (200, and hydrating fetches no content), titled, with each of its
 * headings' anchors and its examples in order, each with its actions and main.ts's code. Returns the page's uncaught
 * errors, a list that keeps growing: the caller expects it empty once done with the page.
 */
export async function openGuidePage(page: Page, entry: PageEntry): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const contentRequests: string[] = [];
  const onRequest = (request: { url(): string }) => {
    if (new URL(request.url()).pathname.startsWith("/content/")) contentRequests.push(request.url());
  };
  page.on("request", onRequest);
  const response = await page.goto(entry.path);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
  const article = page.locator("article.content");
  await expect(page).toHaveTitle(`${entry.title} · fastapi-ts`);
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(entry.title);
  for (const heading of entry.headings) await expect(article.locator(`[id="${heading.id}"]`)).toHaveCount(1);
  const placed = await article
    .locator(".example[data-example]")
    .evaluateAll((elements) => [...new Set(elements.map((element) => (element as HTMLElement).dataset["example"]))]);
  expect(placed).toEqual(entry.examples);
  for (const name of entry.examples) {
    const example = article.locator(`.example[data-example="${name}"]`);
    await expect(example.locator("[data-example-actions]")).toHaveCount(1);
    // Multi-file examples show each file in a tab, main.ts first.
    await expect(example.locator("pre.shiki").first()).toContainText("export const app");
  }
  // The page was prerendered with its content: hydrating it fetched nothing more.
  page.off("request", onRequest);
  expect(contentRequests).toEqual([]);
  return { errors };
}
