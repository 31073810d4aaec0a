// Swagger UI follows the code without starting over: an edit hands the new document to the same Swagger UI
// (panes/swagger.ts, specActions.updateSpec), so the operations a reader opened stay open; and when the latest
// code does not run, the operations still shown are marked as the last version's, not passed off as current.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { appendToEditor, runExample, runStatus } from "./ui.ts";

// A re-run on a loaded 2-core machine can take seconds; these tests assert what is shown, never how fast.
test.describe.configure({ timeout: 120_000 });

const FIRST_STEPS = readFileSync(new URL("../tutorials/examples/first_steps/tutorial001/main.ts", import.meta.url), "utf8");
const swagger = (page: Page) => page.getByTestId("swagger-pane");

test("an edit updates Swagger UI in place: the expanded operation and its Try it out stay open", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  const root = swagger(page).locator(".opblock-get").first();
  await expect(root.locator(".opblock-summary-path")).toHaveText("/", { timeout: 30_000 });
  await root.locator(".opblock-summary").click();
  await root.getByRole("button", { name: "Try it out" }).click();
  await expect(root.getByRole("button", { name: "Execute" })).toBeVisible();
  // A mark on Swagger UI's own element: a re-created UI would not carry it.
  await swagger(page).locator(".swagger-ui").first().evaluate((element) => element.setAttribute("data-before-edit", "yes"));

  await appendToEditor(page, 'app.get("/added", async function added() { return { added: true }; });\n');
  await expect(swagger(page).getByText("/added")).toBeVisible({ timeout: 60_000 });

  await expect(swagger(page).locator('.swagger-ui[data-before-edit="yes"]')).toHaveCount(1);
  await expect(root).toHaveClass(/is-open/);
  await expect(root.getByRole("button", { name: "Execute" })).toBeVisible();
  await expect(root.getByRole("button", { name: "Cancel" })).toBeVisible();
});

test("after a syntax error, the playground's operations are marked as the last version's", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(swagger(page).locator(".opblock").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("docs-stale")).toHaveCount(0);

  await appendToEditor(page, "app.get(\n");
  await expect(runStatus(page)).toHaveAttribute("data-status", "error", { timeout: 30_000 });
  await expect(runStatus(page)).toContainText("Stopped");
  const note = page.getByTestId("docs-stale");
  await expect(note).toBeVisible();
  await expect(note).toContainText("Out of date");
  await expect(swagger(page)).toHaveAttribute("data-stale", "true");
  // The old operations stay for reference, visibly dimmed.
  await expect(swagger(page).locator(".opblock").first()).toBeVisible();
  expect(Number(await swagger(page).evaluate((element) => getComputedStyle(element).opacity))).toBeLessThan(1);
  // A note beside the run status, not a second status: the same role in Swagger UI's pane and ReDoc's.
  await expect(note).toHaveAttribute("role", "note");
  await page.getByRole("tab", { name: "ReDoc" }).click();
  const redocNote = page.getByTestId("redoc-stale");
  await expect(redocNote).toContainText("Out of date");
  await expect(redocNote).toHaveAttribute("role", "note");
  await page.getByRole("tab", { name: "Swagger UI" }).click();
  // Fixed: the whole file replaced by code that runs (where the cursor lands after the tab switches, and what the
  // editor auto-closed after `app.get(`, are not what this test is about).
  await page.getByTestId("code-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(FIRST_STEPS + '\napp.get("/fixed", async function fixed() { return {}; });\n');
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(note).toHaveCount(0);
  await expect(swagger(page)).not.toHaveAttribute("data-stale", "true");
  await expect(swagger(page).getByText("/fixed")).toBeVisible({ timeout: 30_000 });
});

test("after a syntax error, a guide example's operations are marked as the last version's", async ({ page }) => {
  await page.goto("/tutorial/first-steps");
  const example = await runExample(page, "first_steps/tutorial001");

  await example.getByRole("button", { name: "Edit" }).click();
  await appendToEditor(page, "app.get(\n", example);
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "error", { timeout: 30_000 });
  await expect(example.getByTestId("docs-stale")).toContainText("Out of date");
  await expect(example.getByTestId("swagger-pane")).toHaveAttribute("data-stale", "true");
  await expect(example.locator(".swagger .opblock").first()).toBeVisible();
});

test("a guide page parses Swagger UI once it is idle, before Run, even with its examples out of view", async ({ page }) => {
  await page.goto("/tutorial/body");
  const first = page.getByTestId("live-example").first();
  await expect(first).toBeAttached();
  expect(await first.evaluate((element) => element.getBoundingClientRect().top > innerHeight + 200), "the first example starts below the fold").toBe(true);
  // Nothing clicked, nothing scrolled: Swagger UI's script has run once.
  await page.waitForFunction(() => "SwaggerUIBundle" in window, undefined, { timeout: 15_000 });
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/swagger-ui-bundle.js")).length);
  expect(loaded).toBe(1);
});

/** Holds back the runtime's module, so that no app worker can start: what the panes show then came from elsewhere. */
async function holdTheRuntime(page: Page): Promise<void> {
  await page.route("**/vendor/fastapi-ts.js", () => {});
}

test("the playground shows the document the site built for its example while the app starts", async ({ page }) => {
  await holdTheRuntime(page);
  await page.goto("/playground");
  await expect(swagger(page).locator(".opblock-summary-path").first()).toHaveText("/", { timeout: 30_000 });
  await expect(runStatus(page)).not.toHaveAttribute("data-status", "ok");
  // Opened from a guide page (#example=…): that example's built document.
  await page.goto("/playground#example=body/tutorial001");
  await expect(swagger(page).getByText("/items/")).toBeVisible({ timeout: 30_000 });
  await expect(runStatus(page)).not.toHaveAttribute("data-status", "ok");
});

test("with a document to show, Swagger UI comes first: the app's sandbox and the panes not on screen start after its first paint", async ({ page }) => {
  // What appears, frame by frame; in a frame that shows several, the sandbox and the panes are listed first.
  await page.addInitScript(() => {
    const order: string[] = [];
    (window as unknown as { __order: string[] }).__order = order;
    const watched: [string, string][] = [["sandbox", "iframe[sandbox]"], ["openapi pane", '[data-testid="openapi-json"]'], ["operation", '[data-testid="swagger-pane"] .opblock']];
    const frame = () => {
      for (const [name, selector] of watched) if (!order.includes(name) && document.querySelector(selector)) order.push(name);
      if (order.length < watched.length) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  for (const url of ["/playground", "/playground#example=body/tutorial001"]) {
    // A new document each time (a change of fragment alone would not load the page again).
    await page.goto("about:blank");
    await page.goto(url);
    await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __order: string[] }).__order[0])).toBe("operation");
  }
});

test("Try it out before the app has started is answered once it has", async ({ page }) => {
  // The runtime's module held back: the app cannot start until it is let through.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/vendor/fastapi-ts.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/playground");
  const op = swagger(page).locator(".opblock-get").first();
  await op.locator(".opblock-summary").click();
  await op.getByRole("button", { name: "Try it out" }).click();
  await op.getByRole("button", { name: "Execute" }).click();
  await expect(runStatus(page)).not.toHaveAttribute("data-status", "ok");
  release();
  await expect(op.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200", { timeout: 30_000 });
  await expect(op.locator(".responses-wrapper .live-responses-table .response-col_description pre").first()).toContainText('"message": "Hello World"');
});

test("an edited project reopens with the document its app served when it last ran here, while it starts again", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(page, 'app.get("/kept", async function kept() { return {}; });\n');
  await expect(swagger(page).getByText("/kept")).toBeVisible({ timeout: 60_000 });
  // Kept beside the bundle once the run is done (in the next task).
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith("fastapi-ts:build-docs:")))).toBe(true);

  await holdTheRuntime(page);
  await page.reload();
  await expect(swagger(page).getByText("/kept")).toBeVisible({ timeout: 30_000 });
  await expect(runStatus(page)).not.toHaveAttribute("data-status", "ok");
});

test("a Swagger pane taken off the page before Swagger UI has loaded throws nothing when the script arrives", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Hold Swagger UI's script until the pane is gone: the order a slow network and a quick reader produce.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const seen = new Promise<void>((resolve) => (requested = resolve));
  await page.route("**/swagger-ui-bundle.js", async (route) => {
    requested();
    await held;
    await route.continue();
  });
  await page.goto("/playground");
  await seen;
  // A navigation inside the site: the playground and its Swagger pane are destroyed, their mount still pending.
  await page.getByRole("banner").getByRole("link", { name: "Tutorial" }).click();
  await expect(page).toHaveURL(/\/tutorial\/first-steps$/);
  release();
  // Swagger UI's script and stylesheet in, then a few frames: where the old paint wait read the destroyed element.
  await page.waitForFunction(() => "SwaggerUIBundle" in window);
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[href$="swagger-ui.css"]')].every((l) => l.sheet));
  await page.evaluate(() => new Promise<void>((resolve) => {
    let frames = 5;
    const next = () => (--frames ? requestAnimationFrame(next) : setTimeout(resolve, 100));
    requestAnimationFrame(next);
  }));
  expect(errors).toEqual([]);
});
