// The site on a phone (390×844, touch): a menu reaching every guide and the playground from any page, the
// playground's pane tabs that fit, and an editor that stays usable above an on-screen keyboard.
import { fileURLToPath } from "node:url";
import { readSourcesFromDisk } from "../site/lib/content/disk.ts";
import { buildOutline } from "../site/lib/content/outline.ts";
import { expect, test } from "./fixtures.ts";
import { open } from "./ui.ts";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const outline = buildOutline(readSourcesFromDisk(fileURLToPath(new URL("../tutorials", import.meta.url))));

async function openPhonePlayground(page: import("@playwright/test").Page): Promise<void> {
  await open(page, "/playground");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
}

test("from the playground, the site menu reaches every guide, the reference and the playground", async ({ page }) => {
  await openPhonePlayground(page);
  const menu = page.getByRole("button", { name: "Site menu" });
  await expect(menu).toBeVisible();
  await menu.tap();
  const panel = page.getByRole("navigation", { name: "All guides" });
  await expect(panel.getByRole("link")).toHaveText([...outline.guides.map((guide) => guide.title), "API Reference", "Playground"]);
  await expect(panel.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(menu).toBeFocused();

  const guide = outline.guides.at(-1)!;
  await menu.tap();
  await panel.getByRole("link", { name: guide.title }).tap();
  await expect(page).toHaveURL(new RegExp(`${guide.pages[0]!.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(guide.pages[0]!.title);
  await expect(panel).toBeHidden();
  // Guide pages keep their own page menu beside it.
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Site menu" }).tap();
  await panel.getByRole("link", { name: "Playground" }).tap();
  await expect(page).toHaveURL(/\/playground$/);
});

test("the playground's pane tabs fit on one scrolling row, and the one chosen comes into view", async ({ page }) => {
  await openPhonePlayground(page);
  await page.getByRole("tab", { name: "App" }).tap();
  const list = page.getByRole("tablist", { name: "Panes" });
  const tabs = list.getByRole("tab");
  const tops = await tabs.evaluateAll((all) => all.map((tab) => Math.round(tab.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  expect(await list.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  const last = tabs.last();
  await list.evaluate((element) => element.scrollBy({ left: 1000 }));
  await last.tap();
  await expect(last).toHaveAttribute("aria-selected", "true");
  const box = (await last.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the editor stays in sight above an on-screen keyboard, and the app follows the edit", async ({ page }) => {
  await openPhonePlayground(page);
  const editor = page.getByTestId("code-editor");
  await expect(editor).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await editor.locator(".view-lines").tap();
  await page.keyboard.press("ControlOrMeta+End");
  // The keyboard comes up: the page resizes to what it leaves (interactive-widget=resizes-content).
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute("content", /interactive-widget=resizes-content/);
  await page.setViewportSize({ width: 390, height: 430 });
  await expect.poll(async () => (await editor.boundingBox())!.height).toBeGreaterThanOrEqual(180);
  const box = (await editor.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(430);
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeInViewport();
  const cursor = page.locator(".monaco-editor .cursor").first();
  await expect(cursor).toBeInViewport();

  await page.keyboard.insertText('\napp.get("/from-the-phone", async function phone() { return {}; });\n');
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("tab", { name: "App" }).tap();
  await expect(page.getByTestId("swagger-pane").getByText("/from-the-phone")).toBeVisible({ timeout: 30_000 });
});
