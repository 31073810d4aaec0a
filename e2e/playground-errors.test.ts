// Errors a learner can act on: type errors as editor markers, bundling errors and exceptions (at
// startup and in a handler) pointing at the reader's own line, never at the bundle's blob: URL.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { editorLines, runStatus } from "./ui.ts";

// Each test waits for Monaco, which loads after the first run: slow when the machine is busy.
test.describe.configure({ timeout: 180_000 });


/**
 * Replaces main.ts with `lines`, as one edit: the app re-runs once, and line numbers are known. Monaco
 * carries each line's indentation over to the next, so the lines given are not indented.
 */
async function replaceMain(page: Page, lines: string[]): Promise<void> {
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 90_000 });
  await editorLines(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(lines.join("\n") + "\n");
}

async function openPlayground(page: Page): Promise<void> {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
}

const header = ['import { FastAPI } from "fastapi-ts";', "", "export const app = new FastAPI();", ""];

test("a type error shows as a marker in the editor, and goes when it is fixed", async ({ page }) => {
  // Monaco's TypeScript worker checks against the runtime's and zod's types: on a busy 2-core machine
  // its first answer has taken a minute.
  test.setTimeout(300_000);
  await openPlayground(page);
  await replaceMain(page, [...header, 'const port: number = "eighty";', "export const listening = port;"]);
  const squiggles = page.getByTestId("code-editor").locator(".squiggly-error");
  await expect(squiggles).toHaveCount(1, { timeout: 120_000 });
  // F8 opens Monaco's view of the marker under the cursor's file: the type checker's message.
  await page.keyboard.press("F8");
  await expect(page.locator(".marker-widget")).toContainText("Type 'string' is not assignable to type 'number'");
  await page.keyboard.press("Escape");

  await editorLines(page).getByText('"eighty"').click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await page.keyboard.insertText("const port: number = 80;");
  await expect(squiggles).toHaveCount(0, { timeout: 120_000 });
});

test("when the editor's workers fail to load (the reader went offline), they start again and type errors still show", async ({ page }) => {
  test.setTimeout(300_000);
  // Each worker script's first request fails, as it does when the connection drops before the editor's workers
  // arrive. Monaco used to rethrow the load's bare Event, uncaught (the page-error guard fails on it), and then
  // wait forever for a type checker that never started.
  const failed = new Set<string>();
  await page.route(/\/workers\/(ts|editor)\.worker-[^/]+\.js$/, (route) => {
    const url = route.request().url();
    if (failed.has(url)) return route.continue();
    failed.add(url);
    return route.abort("internetdisconnected");
  });
  await openPlayground(page);
  await replaceMain(page, [...header, 'const port: number = "eighty";', "export const listening = port;"]);
  await expect(page.getByTestId("code-editor").locator(".squiggly-error")).toHaveCount(1, { timeout: 120_000 });
  expect([...failed].some((url) => /ts\.worker/.test(url)), `the TypeScript worker's first load failed: ${[...failed]}`).toBe(true);
});

test("a syntax error names the file, line and column", async ({ page }) => {
  await openPlayground(page);
  await replaceMain(page, [...header, 'app.get("/", async function root() {', 'return { message: "Hello World" ;', "});"]);
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText('main.ts:6:33 Expected "}" but found ";"', { timeout: 60_000 });
  await expect(runStatus(page)).toHaveAttribute("data-status", "error");
});

test("a handler that throws answers 500 and the log points at the reader's line", async ({ page }) => {
  await openPlayground(page);
  await replaceMain(page, [
    ...header,
    'app.get("/boom", async function boom() {',
    "const items: string[] = [];",
    'if (items.length === 0) throw new Error("no items yet");',
    "return items;",
    "});",
  ]);
  await expect(page.getByTestId("swagger-pane").getByText("/boom")).toBeVisible({ timeout: 60_000 });

  await page.getByRole("tab", { name: "Request" }).click();
  await page.getByLabel("Method").selectOption("GET");
  await page.getByLabel("Path and query").fill("/boom");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("console-status")).toHaveText("500");

  await page.getByRole("tab", { name: /^Log/ }).click();
  const log = page.getByTestId("log-lines");
  await expect(log).toContainText("Error: no items yet");
  // `new Error` is at column 31 of line 7; the frames below it are the runtime's, named, not located.
  await expect(log).toContainText(/boom.*\(main\.ts:7:31\)/);
  await expect(log).toContainText("(fastapi-ts)");
  await expect(log).not.toContainText("blob:");
  await expect(log).not.toContainText("project.bundle.js");
});

test("an exception while the app starts names the reader's line and the message", async ({ page }) => {
  await openPlayground(page);
  await replaceMain(page, [...header, 'const port = Number("eighty");', 'if (Number.isNaN(port)) throw new RangeError("port must be a number");']);
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("main.ts:6:31 RangeError: port must be a number", { timeout: 60_000 });
  await expect(runStatus(page)).toHaveAttribute("data-status", "error");
  await problems.getByText("Stack").click();
  await expect(problems).toContainText(/at .*main\.ts:6:31/);
  await expect(problems).not.toContainText("blob:");
  // The problem is also a marker at that line in the editor.
  await expect(page.getByTestId("code-editor").locator(".squiggly-error")).toHaveCount(1);
});
