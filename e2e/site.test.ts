// The documentation site in a real Chromium, against the built site (build/), with no network: landing page,
// navigation, table of contents, 404, search, themes, the phone layout, and every page of the content module.
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { readSourcesFromDisk } from "../site/lib/content/disk.ts";
import { buildOutline } from "../site/lib/content/outline.ts";
import { expect, test } from "./fixtures.ts";
import { openGuidePage } from "./guide-page.ts";

const outline = buildOutline(readSourcesFromDisk(fileURLToPath(new URL("../tutorials", import.meta.url))));
const firstSteps = outline.pages.find((entry) => entry.path === "/tutorial/first-steps")!;

/** The site's path as a URL relative to baseURL (page paths start with "/"). */
const url = (path: string) => path;

/** Opens a page and waits until its scripts have taken over (buttons need them). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
}

/** Fails the test on any uncaught error in the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

const article = (page: Page) => page.locator("article.content");
const sidebar = (page: Page) => page.getByRole("navigation", { name: "Guides" });

test("the landing page says what fastapi-ts is and where to start", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await expect(page).toHaveTitle(/fastapi-ts/);
  await expect(page.getByRole("heading", { level: 1, name: "fastapi-ts" })).toBeVisible();
  await expect(page.getByText("FastAPI's model in TypeScript").first()).toBeVisible();
  await expect(page.locator('.example[data-example="first_steps/tutorial001"] pre.shiki')).toContainText('app.get("/"');
  await expect(page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Playground" })).toBeVisible();

  await page.getByRole("link", { name: "Start the tutorial" }).click();
  await expect(page).toHaveURL(/\/tutorial\/first-steps$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstSteps.title);
  expect(errors).toEqual([]);
});

test("the sidebar lists every page in reading order and its links navigate", async ({ page }) => {
  const last = outline.pages.at(-1)!;
  const first = outline.pages[0]!;
  await page.goto(url(last.path));
  const links = sidebar(page).getByRole("link");
  await expect(links).toHaveText(outline.pages.map((entry) => entry.title));
  await expect(sidebar(page).getByRole("heading")).toHaveText(outline.guides.map((guide) => guide.title));
  await expect(sidebar(page).locator('[aria-current="page"]')).toHaveText(last.title);

  await sidebar(page).getByRole("link", { name: first.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${first.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.title);
  await expect(sidebar(page).locator('[aria-current="page"]')).toHaveText(first.title);
});

test("every page's previous and next links follow the reading order", async ({ page }) => {
  // One visit per page: the time grows with the guides.
  test.setTimeout(30_000 + outline.pages.length * 3_000);
  for (const entry of outline.pages) {
    await page.goto(url(entry.path));
    for (const [rel, target] of [["prev", entry.prev], ["next", entry.next]] as const) {
      const link = page.locator(`a[rel="${rel}"]`);
      if (target) await expect(link).toContainText(target.title);
      else await expect(link).toHaveCount(0);
    }
    const nav = page.getByRole("navigation", { name: "Previous and next pages" });
    await expect(nav).toHaveCount(entry.prev || entry.next ? 1 : 0);
  }
});

test("Next and Previous lead to the neighbouring pages", async ({ page }) => {
  const withNext = outline.pages.find((entry) => entry.next);
  test.skip(!withNext, "needs two pages in the content");
  await page.goto(url(withNext!.path));
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`${withNext!.next!.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(withNext!.next!.title);
  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(new RegExp(`${withNext!.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(withNext!.title);
});

test("the table of contents leads to its headings", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url(firstSteps.path));
  const toc = page.locator("aside").getByRole("navigation", { name: "On this page" });
  await expect(toc.getByRole("link")).toHaveText(firstSteps.headings.filter((h) => h.depth <= 3).map((h) => h.text));
  const target = firstSteps.headings.find((heading) => heading.depth === 2 && heading.id === "read-the-raw-document")
    ?? firstSteps.headings.filter((heading) => heading.depth <= 3).at(-1)!;
  await toc.getByRole("link", { name: target.text, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#${target.id}$`));
  const heading = page.locator(`#${target.id}`);
  await expect(heading).toBeInViewport();
  // The heading links to itself, so its address can be copied.
  await expect(heading.getByRole("link")).toHaveAttribute("href", `#${target.id}`);
});

test("tabs switch by click and by arrow keys", async ({ page }) => {
  await open(page, url(firstSteps.path));
  const tabs = article(page).locator("[data-tabs]").first();
  const tab = (name: string) => tabs.getByRole("tab", { name, exact: true });
  await expect(tab("npm")).toHaveAttribute("aria-selected", "true");
  await expect(tabs.getByRole("tabpanel")).toContainText("npm install fastapi-ts zod");

  await tab("pnpm").click();
  await expect(tab("pnpm")).toHaveAttribute("aria-selected", "true");
  await expect(tab("npm")).toHaveAttribute("aria-selected", "false");
  await expect(tabs.getByRole("tabpanel")).toHaveCount(1);
  await expect(tabs.getByRole("tabpanel")).toContainText("pnpm add fastapi-ts zod");

  await page.keyboard.press("ArrowRight");
  await expect(tab("yarn")).toBeFocused();
  await expect(tabs.getByRole("tabpanel")).toContainText("yarn add fastapi-ts zod");
  await page.keyboard.press("ArrowRight");
  await expect(tab("npm")).toBeFocused();
  await expect(tab("npm")).toHaveAttribute("aria-selected", "true");
});

test("an old address leads to where its page moved, keeping the anchor, with or without scripts", async ({ page, browser, baseURL }) => {
  const moved = outline.pages.find((entry) => entry.path === "/how-to/separate-openapi-schemas")!;
  const errors = watchErrors(page);
  await page.goto("/how-to/separating-openapi-schemas#use-one-schema-for-both");
  await expect(page).toHaveURL(/\/how-to\/separate-openapi-schemas#use-one-schema-for-both$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(moved.title);
  expect(errors).toEqual([]);

  // Without scripts the page still says where it went, and the refresh takes the reader there.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const noScript = await context.newPage();
    await noScript.goto("/how-to/separating-openapi-schemas");
    await expect(noScript).toHaveURL(/\/how-to\/separate-openapi-schemas$/);
    await expect(noScript.getByRole("heading", { level: 1 })).toHaveText(moved.title);
  } finally {
    await context.close();
  }
});

test("an unknown address shows the 404 page", async ({ page }) => {
  for (const path of ["/no-such-page", "/tutorial/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle(/Page not found/);
    await expect(page.getByRole("main")).toContainText(path);
  }
  await page.getByRole("link", { name: "The home page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "fastapi-ts" })).toBeVisible();
});

test("search loads its index on first use and finds the first-steps page offline", async ({ page }) => {
  const indexRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/search.json")) indexRequests.push(request.url());
  });
  await open(page, "/");
  await page.waitForLoadState("networkidle");
  expect(indexRequests, "the index is not fetched before the search box is used").toEqual([]);

  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Search the documentation" });
  await expect(box).toBeFocused();
  await box.fill("first steps");
  const results = page.getByRole("listbox", { name: "Search results" });
  await expect(results.getByRole("option").first()).toBeVisible();
  await expect(results).toContainText(firstSteps.title);
  expect(indexRequests).toHaveLength(1);

  // Walk down the list with the keyboard to the First Steps result (its rank depends on the other pages).
  const titles = await results.getByRole("option").allTextContents();
  const rank = titles.findIndex((text) => text.includes(firstSteps.title));
  expect(rank).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= rank; i++) await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tutorial\/first-steps(#.+)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstSteps.title);

  await page.keyboard.press("/");
  await box.fill("zzqxjv");
  await expect(page.getByRole("status").filter({ hasText: "No results" })).toBeVisible();
});

test("the theme follows the OS until the reader picks one, and the pick survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, url(firstSteps.path));
  const html = page.locator("html");
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await expect(html).not.toHaveAttribute("data-theme");
  expect(await background()).toBe("rgb(13, 17, 23)");

  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe("rgb(255, 255, 255)");

  await page.reload();
  await expect(html).toHaveAttribute("data-hydrated");
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe("rgb(255, 255, 255)");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "false");

  // Code follows the theme too (shiki's dark palette is chosen by CSS, not shipped as a highlighter).
  await page.getByRole("button", { name: "Dark theme" }).click();
  await page.reload();
  await expect(html).toHaveAttribute("data-hydrated");
  await expect(html).toHaveAttribute("data-theme", "dark");
  const keyword = page.locator("article .example pre.shiki span span").first();
  expect(await keyword.evaluate((element) => getComputedStyle(element).color)).toBe("rgb(249, 117, 131)");
});

test("on a phone the sidebar folds into a menu that opens, navigates and closes", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, url(firstSteps.path));
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(sidebar(page)).toBeHidden();
  // Nothing overflows sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(sidebar(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sidebar(page)).toBeHidden();
  await expect(menu).toBeFocused();

  const target = outline.pages.at(-1)!;
  await menu.click();
  await sidebar(page).getByRole("link", { name: target.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${target.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.title);
  await expect(sidebar(page)).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

// Pages with examples are opened and checked the same way by the examples sweep (examples.test.ts), which runs them.
test.describe("every page of the content module without examples", () => {
  for (const entry of outline.pages.filter((page) => page.examples.length === 0)) {
    test(`${entry.path} renders “${entry.title}”`, async ({ page }) => {
      const { errors } = await openGuidePage(page, entry);
      expect(errors).toEqual([]);
    });
  }
});

test("the content module has pages with and without examples, so both checks of every page run", () => {
  expect(outline.pages.some((page) => page.examples.length === 0)).toBe(true);
  expect(outline.pages.some((page) => page.examples.length > 0)).toBe(true);
});
