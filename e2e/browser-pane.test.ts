// The playground's browser pane as a reader uses it beyond following links: the app's own /redoc, whose
// script reads localStorage (which a sandboxed frame does not have), and ⟳ Reload, which must really
// reload the page, so that a page with a websocket connects again and keeps working.
import { expect, test } from "./fixtures.ts";
import { runStatus } from "./ui.ts";


test.describe.configure({ timeout: 120_000 });

test("the browser pane renders the app's /redoc", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
  await page.goto("/playground#example=first_steps/tutorial001");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Browser" }).click();
  await page.getByLabel("Address").fill("/redoc");
  await page.getByLabel("Address").press("Enter");
  await expect(page.getByTestId("browser-status")).toHaveText("200", { timeout: 30_000 });
  const frame = page.frameLocator('[data-testid="browser-frame"]');
  // ReDoc fetched /openapi.json from the app and rendered its one operation.
  await expect(frame.getByRole("heading", { name: "FastAPI" }).first()).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByRole("heading", { level: 2, name: /Root$/ })).toBeVisible();
  // What ReDoc needs in the sandboxed frame works there: storage, cookies, its search worker.
  expect(errors.filter((text) => /localStorage|cookie|SecurityError|Content Security Policy|AggregateError/.test(text))).toEqual([]);
});

test("⟳ Reload reloads the page, and its websocket works again", async ({ page }) => {
  await page.goto("/playground#example=websockets/tutorial001");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Browser" }).click();
  const frame = page.frameLocator('[data-testid="browser-frame"]');
  const messages = frame.locator("#messages li");
  const say = async (text: string) => {
    await frame.locator("#messageText").fill(text);
    await frame.getByRole("button", { name: "Send" }).click();
  };
  await expect(frame.getByRole("heading", { name: "WebSocket Chat" })).toBeVisible({ timeout: 30_000 });
  await say("before");
  await expect(messages).toHaveText(["Message text was: before"]);

  await page.getByRole("button", { name: "Reload" }).click();
  // A fresh page: the old messages are gone, and the new page's socket echoes.
  await expect(messages).toHaveCount(0);
  await expect(frame.getByRole("heading", { name: "WebSocket Chat" })).toBeVisible();
  await say("after");
  await expect(messages).toHaveText(["Message text was: after"]);

  // Once more: not only the first reload works.
  await page.getByRole("button", { name: "Reload" }).click();
  await expect(messages).toHaveCount(0);
  await say("again");
  await expect(messages).toHaveText(["Message text was: again"]);
});
