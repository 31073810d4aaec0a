// Typing in the playground, as a reader meets it: what a keystroke starts (a bundle, once a frame), what a pause runs
// (the last edit only, in a worker loaded before it was needed), and what the editor does with the keys.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { appendToEditor, editorLines, markCount, runStatus } from "./ui.ts";

/** How many bundles the compiler's warm-up made for nothing (its `compiler:warmed-up` mark), once it is done. */
const warmUpBuilds = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByName("compiler:warmed-up")[0] as PerformanceMark | undefined)?.detail?.builds);

test("typing faster than esbuild builds runs only the last edit: overtaken builds and runs are dropped, not queued", async ({ page, context }) => {
  // esbuild's wasm is held back while the reader types, so every edit after the first arrives while a build is in
  // flight, whatever the machine's speed: exactly the case of a reader typing faster than builds finish.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await context.route("**/vendor/esbuild.wasm", async (route) => {
    held++;
    await released;
    await route.continue();
  });
  await page.goto("/playground");
  // The first view runs the example's prebuilt bundle: no build needed.
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  const startsBefore = await markCount(page, "executor:app-start");
  const buildsBefore = await markCount(page, "compiler:build");

  const edits = 6;
  for (let edit = 0; edit < edits; edit++) {
    await appendToEditor(page, `app.get("/typed-${edit}", async function typed_${edit}() { return {}; });`);
    // Longer than the debounce: each pause asks for a build.
    await page.waitForTimeout(400);
  }
  expect(held).toBeGreaterThan(0);
  release();

  await expect(page.getByTestId("swagger-pane").getByText(`/typed-${edits - 1}`)).toBeVisible({ timeout: 60_000 });
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok");
  // The build in flight when the typing began, and the last one; the four between were answered "stale" at once.
  expect((await markCount(page, "compiler:build")) - buildsBefore).toBeLessThanOrEqual(2);
  // Only the last edit's app ran (the build in flight finished overtaken and started nothing).
  expect((await markCount(page, "executor:app-start")) - startsBefore).toBe(1);
});

test("a run takes the build its keystroke started rather than making another", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(page, 'app.get("/bundled-once", async function bundled_once() { return {}; });');
  await expect(page.getByTestId("swagger-pane").getByText("/bundled-once")).toBeVisible({ timeout: 30_000 });
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok");
  // Each frame with a change of the code asked for a build at once; the run after the pause asked for none of its own.
  const prepared = await markCount(page, "compiler:prepare");
  expect(prepared).toBeGreaterThan(0);
  expect(await markCount(page, "compiler:request")).toBe(prepared);
});

test("before the first edit the compiler bundles the example a few times for nothing, so that edit is not its slow first", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect.poll(() => warmUpBuilds(page), { timeout: 60_000 }).toBe(4);
  await appendToEditor(page, 'app.get("/after-warm-up", async function after_warm_up() { return {}; });');
  await expect(page.getByTestId("swagger-pane").getByText("/after-warm-up")).toBeVisible({ timeout: 30_000 });
});

test("a reader's edit stops the compiler's warm-up: no bundle for nothing runs before theirs", async ({ page, context }) => {
  // esbuild's wasm is held back until the reader has typed: the warm-up asked for before it must then not run.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/vendor/esbuild.wasm", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(page, 'app.get("/before-warm-up", async function before_warm_up() { return {}; });');
  release();
  await expect(page.getByTestId("swagger-pane").getByText("/before-warm-up")).toBeVisible({ timeout: 60_000 });
  expect(await warmUpBuilds(page)).toBe(0);
});

test("runs in a row each start in a worker that loaded the runtime before it was needed", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  // Once the page is idle after the first run, two spare workers load, one after the other.
  await expect.poll(() => markCount(page, "executor:spare-loaded"), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const startsBefore = await markCount(page, "executor:app-start");
  await page.locator(".view-lines").click();
  for (let run = 1; run <= 2; run++) {
    // The second run is asked for as soon as the first is done: a worker made when that run ended could not have
    // loaded zod and the runtime yet.
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => markCount(page, "executor:app-start")).toBe(startsBefore + run);
    await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  }
  const loaded = await page.evaluate(
    (skip) => performance.getEntriesByName("executor:app-start").slice(skip).map((mark) => (mark as PerformanceMark).detail?.loaded),
    startsBefore,
  );
  expect(loaded).toEqual([true, true]);
});

test("a burst of keystrokes starts a bundle once a frame, not once a character", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  const line = 'app.get("/one-burst", async function one_burst() { return { burst: true }; });';
  await appendToEditor(page, "");
  const before = await markCount(page, "compiler:prepare");
  // A character per input event, all sent at once: key repeat, or keys that queued while the page was busy, reach
  // Monaco faster than frames, each its own change.
  const cdp = await page.context().newCDPSession(page);
  await Promise.all([...line].map((text) => cdp.send("Input.insertText", { text })));
  await expect(page.getByTestId("swagger-pane").getByText("/one-burst")).toBeVisible({ timeout: 30_000 });
  const prepared = (await markCount(page, "compiler:prepare")) - before;
  expect(prepared).toBeGreaterThan(0);
  expect(prepared).toBeLessThan(line.length / 4);
});

test("\"/\" typed in the editor stays in the editor: it is the site's search shortcut elsewhere", async ({ page }) => {
  await page.goto("/playground");
  await appendToEditor(page, "");
  // Monaco in Chromium types into a div with an EditContext, neither an input nor contenteditable.
  await page.keyboard.type('app.get("/typed"');
  await expect(page.getByRole("combobox", { name: "Search the documentation" })).not.toBeFocused();
  await expect(editorLines(page)).toContainText('app.get("/typed"');
});

test("text inserted whole goes in as it came, in one edit, not a character at a time", async ({ page }) => {
  await page.goto("/playground");
  await appendToEditor(page, "");
  // Monaco's own handling would apply the line a character at a time: "[" and "(" would each gain a closing bracket.
  // (Which few characters count as keystrokes: editor/type-source.test.ts.)
  await page.keyboard.insertText("const kept = [call(1, 2");
  await expect(editorLines(page)).toContainText("const kept = [call(1, 2");
  await expect(editorLines(page)).not.toContainText("const kept = [call(1, 2)]");
});
