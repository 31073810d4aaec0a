// Words that promise only what is there: the home page's example runs where it says it does; ReDoc's frame runs
// without Content-Security-Policy violations as the app re-runs.
import { expect, test } from "./fixtures.ts";
import { open, openPlayground, runExample } from "./ui.ts";

test("the home page's example runs right there, as the page says", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator(".sample")).toContainText("Press Run");
  const example = await runExample(page, "first_steps/tutorial001");
  await expect(example.getByTestId("swagger-pane").locator(".opblock-summary-path")).toHaveText(["/"]);
  await example.getByRole("tab", { name: "Request" }).click();
  await example.getByRole("button", { name: "Send" }).click();
  await expect(example.getByTestId("console-body")).toContainText('"message": "Hello World"');
});

test("ReDoc follows the app's re-runs without a Content-Security-Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|script-src/.test(message.text())) violations.push(message.text());
  });
  await openPlayground(page);
  await page.getByRole("tab", { name: "ReDoc" }).click();
  const redoc = page.frameLocator('[data-testid="redoc-pane"]');
  await expect(redoc.getByRole("heading", { name: "Root" })).toBeVisible({ timeout: 30_000 });
  // Two edits: ReDoc renders the app again each time.
  const editor = page.getByTestId("code-editor");
  await expect(editor).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  for (const path of ["/one", "/two"]) {
    await editor.locator(".view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText(`\napp.get("${path}", async function ${path.slice(1)}() { return {}; });\n`);
    await expect(redoc.getByText(path.slice(1).replace(/^./, (c) => c.toUpperCase()), { exact: true }).first()).toBeAttached({ timeout: 30_000 });
  }
  expect(violations).toEqual([]);
});
