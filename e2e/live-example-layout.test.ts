// Live examples that can grow, sized on purpose: the example takes its card's width whatever it shows, its panes
// keep one height, Swagger UI is never squeezed, a wide mode (kept per reader) and full screen; and the
// playground's pane tabs on one row at 1280 px. Desktop: Playwright's 1280-px-wide window.
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { exampleCard, liveExample, open, openPlayground, runExample } from "./ui.ts";

test.use({ viewport: { width: 1280, height: 800 } });

const firstSteps = "first_steps/tutorial001";
const width = async (locator: Locator) => (await locator.boundingBox())!.width;
const innerWidth = (locator: Locator) => locator.evaluate((element) => element.clientWidth);

test("a live example takes its card's whole width before Run, after Run and in Edit", async ({ page }) => {
  await open(page, "/tutorial/first-steps");
  const card = exampleCard(page, firstSteps);
  const example = liveExample(page, firstSteps);
  const full = await innerWidth(card);
  expect(full).toBeGreaterThan(600);
  expect(await width(example)).toBeCloseTo(full, 0);
  await runExample(page, firstSteps);
  expect(await width(example)).toBeCloseTo(full, 0);
  await example.getByRole("button", { name: "Edit" }).click();
  await expect(example.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  expect(await width(example)).toBeCloseTo(full, 0);
});

test("Edit alone leaves Run ready", async ({ page }) => {
  await open(page, "/tutorial/first-steps");
  const example = liveExample(page, firstSteps);
  await example.getByRole("button", { name: "Edit" }).click();
  await expect(example.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await expect(example.getByRole("button", { name: "Run" })).toBeEnabled();
  await expect(example.getByRole("status")).toHaveText("");
});

test("in Edit, six files fit: their tabs scroll inside the card and nothing is cut off", async ({ page }) => {
  await open(page, "/tutorial/bigger-applications");
  const name = "bigger_applications/app";
  const card = exampleCard(page, name);
  const example = liveExample(page, name);
  await example.getByRole("button", { name: "Edit" }).click();
  const tabs = example.getByRole("tablist", { name: "Files" });
  await expect(tabs.getByRole("tab")).toHaveCount(6, { timeout: 30_000 });
  const cardBox = (await card.boundingBox())!;
  expect((await example.boundingBox())!.width).toBeLessThanOrEqual(cardBox.width);
  // One row of tabs, scrolling sideways; the last one can be brought into view.
  const rows = new Set(await tabs.getByRole("tab").evaluateAll((all) => all.map((tab) => Math.round(tab.getBoundingClientRect().top))));
  expect(rows.size).toBe(1);
  const last = tabs.getByRole("tab").last();
  await last.click();
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
  // The bar's controls are all inside the card.
  for (const control of await example.locator(".bar button, .bar a").all()) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width, await control.innerText()).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
  }
});

test("Swagger UI gets the card's width: an operation's path and summary share a line; the panes keep one height", async ({ page }) => {
  await open(page, "/tutorial/first-steps");
  const example = await runExample(page, firstSteps);
  const swagger = example.getByTestId("swagger-pane");
  expect(await width(swagger)).toBeGreaterThanOrEqual(480);
  const path = swagger.locator(".opblock-summary-path").first();
  const summary = swagger.locator(".opblock-summary-description").first();
  expect(Math.abs((await path.boundingBox())!.y - (await summary.boundingBox())!.y)).toBeLessThan(8);

  const panes = example.locator(".panes");
  const heights: number[] = [];
  for (const tab of ["Swagger UI", "ReDoc", "Request", "Swagger UI"]) {
    await example.getByRole("tab", { name: tab }).click();
    heights.push((await panes.boundingBox())!.height);
  }
  expect(new Set(heights.map(Math.round)).size).toBe(1);
});

test("the guide example has ReDoc too, as First Steps says", async ({ page }) => {
  await open(page, "/tutorial/first-steps");
  await expect(page.locator("article")).toContainText("as its Swagger UI and ReDoc tabs");
  const example = await runExample(page, firstSteps);
  await example.getByRole("tab", { name: "ReDoc" }).click();
  await expect(example.frameLocator('[data-testid="redoc-pane"]').getByRole("heading", { name: "Root" })).toBeVisible({ timeout: 30_000 });
});

test("wide mode breaks out of the text column, is kept for the next pages, and goes back", async ({ page }) => {
  await open(page, "/tutorial/first-steps");
  const card = exampleCard(page, firstSteps);
  const prose = page.locator("article.content > p").first();
  const textWidth = await width(card);
  const proseWidth = await width(prose);
  const wide = liveExample(page, firstSteps).getByRole("button", { name: "Wide" });
  await expect(wide).toHaveAttribute("aria-pressed", "false");
  await wide.click();
  await expect(wide).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => width(card)).toBeGreaterThan(textWidth + 200);
  expect(await width(prose)).toBeCloseTo(proseWidth, 0);

  // Another page, a fresh load: wide before the page's scripts run (no reflow), for every example.
  await page.goto("/tutorial/path-params");
  await expect(page.locator("html")).toHaveAttribute("data-example-width", "wide");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
  const other = page.locator(".example").first();
  expect(await width(other)).toBeGreaterThan(textWidth + 200);
  await other.getByRole("button", { name: "Wide" }).click();
  await expect.poll(() => width(other)).toBeCloseTo(textWidth, 0);
  await page.reload();
  await expect(page.locator("html")).not.toHaveAttribute("data-example-width", "wide");
});

test("full screen shows the editor beside the running app, and Escape brings the example back", async ({ page }) => {
  await open(page, "/tutorial/first-steps");
  const example = liveExample(page, firstSteps);
  const button = example.getByRole("button", { name: "Full screen" });
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  expect(await example.boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  const editor = example.getByTestId("code-editor");
  const swagger = example.getByTestId("swagger-pane");
  await expect(editor).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await expect(swagger.locator(".opblock").first()).toBeVisible();
  const editorBox = (await editor.boundingBox())!;
  const swaggerBox = (await swagger.boundingBox())!;
  expect(editorBox.x + editorBox.width).toBeLessThanOrEqual(swaggerBox.x);
  expect(editorBox.height).toBeGreaterThan(500);

  await expect(button).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button).toBeFocused();
  expect(await width(example)).toBeCloseTo(await innerWidth(exampleCard(page, firstSteps)), 0);
  await expect(example.getByTestId("code-editor")).toHaveCount(0);
});

test("at 1280 px the playground's pane tabs sit on one row, every one in full", async ({ page }) => {
  await openPlayground(page);
  const list = page.getByRole("tablist", { name: "Panes" });
  const listBox = (await list.boundingBox())!;
  const boxes = await list.getByRole("tab").evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBe(8);
  expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(1);
  for (const box of boxes) expect(box.right).toBeLessThanOrEqual(listBox.x + listBox.width + 0.5);
});
