// Which executor runs the playground's app, as the reader sees it. Our site is not cross-origin isolated
// (and offline), so the WebContainer is unavailable and the page says why.
import type { Page } from "@playwright/test";
import { fallbackNotice, NOT_ISOLATED } from "../playground/src/executor/choose.ts";
import { encodeProject } from "../playground/src/share/codec.ts";
import { expect, test } from "./fixtures.ts";

const badge = (page: Page) => page.getByTestId("executor");

async function expectWorkerWithReason(page: Page): Promise<void> {
  await expect(badge(page)).toHaveAttribute("data-executor", "worker");
  await expect(badge(page).locator("summary")).toHaveText("Web Worker");
  await expect(badge(page).locator("summary")).toHaveAttribute("title", `WebContainer unavailable: ${NOT_ISOLATED}.`);
  await badge(page).locator("summary").click();
  await expect(page.getByTestId("executor-reason")).toHaveText(`WebContainer unavailable: ${NOT_ISOLATED}.`);
  // Nothing to switch to.
  await expect(badge(page).getByRole("button", { name: "Run in WebContainer" })).toHaveCount(0);
}

test("the playground says it runs in a Web Worker, and why the WebContainer is unavailable", async ({ page }) => {
  await page.goto("/playground");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId("run-status")).toContainText("Running in a Web Worker");
  await expectWorkerWithReason(page);
  await expect(page.getByTestId("executor-notice")).toHaveCount(0);
});

test("a link asking for the WebContainer falls back to the Web Worker and says why", async ({ page }) => {
  // A link's code has no prebuilt bundle: its first run starts esbuild-wasm, slow on a loaded 2-core machine.
  test.slow();
  const files = { "main.ts": 'import { FastAPI } from "fastapi-ts";\n\nexport const app = new FastAPI();\n\napp.get("/", async function root() {\n  return { from: "link" };\n});\n' };
  await page.goto(`/playground#code=${await encodeProject({ files, executor: "webcontainer" })}`);
  await expect(page.getByTestId("executor-notice")).toHaveText(fallbackNotice(NOT_ISOLATED));
  await page.getByRole("button", { name: "Run this code" }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 150_000 });
  await expect(page.getByTestId("run-status")).toContainText("Running in a Web Worker");
  await expectWorkerWithReason(page);
});
