// The site self-hosted on a LAN over plain http, as a training room serves it (`HOST=0.0.0.0 npm start`):
// the page is not a secure context, so `crypto.subtle`, the clipboard and service workers are missing.
// Everything that does not need them must work; what does (WebCrypto in the JWT examples) says so, with
// the fix. Chromium maps the host name `training.lan` to 127.0.0.1: the page really is http://training.lan,
// yet no request leaves this machine, which the request log proves.
import type { BrowserContext, Page } from "@playwright/test";
import { encodeProject } from "../playground/src/share/codec.ts";
import { testChromiumArgs, chromiumExecutable } from "./chromium.ts";
import { expect, test } from "./fixtures.ts";
import { editorLines, runStatus } from "./ui.ts";

const port = Number(process.env.E2E_PORT ?? 4319);
const origin = `http://training.lan:${port}`;

test.use({
  baseURL: origin,
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [...testChromiumArgs,
      // training.lan is this machine; no other host resolves.
      "--host-resolver-rules=MAP training.lan 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  },
});
test.describe.configure({ timeout: 120_000 });

interface Served {
  url: string;
  ip: string | undefined;
}

/** Records where every request the pages, frames and workers make was answered from. */
function requestLog(context: BrowserContext): { served: Served[]; failed: string[] } {
  const log = { served: [] as Served[], failed: [] as string[] };
  context.on("requestfinished", (request) => {
    if (!/^https?:/.test(request.url())) return;
    void request.response().then(async (response) => {
      log.served.push({ url: request.url(), ip: (await response?.serverAddr())?.ipAddress });
    });
  });
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText;
    // Leaving a page cancels what it was still loading (ERR_ABORTED); any other failure counts.
    if (/^https?:/.test(request.url()) && error !== "net::ERR_ABORTED") log.failed.push(`${request.url()}: ${error}`);
  });
  return log;
}

async function expectAllFromLoopback(log: { served: Served[]; failed: string[] }): Promise<void> {
  await expect.poll(() => log.served.length).toBeGreaterThan(0);
  expect(log.served.filter((entry) => !entry.url.startsWith(`${origin}/`) || entry.ip !== "127.0.0.1")).toEqual([]);
  // A request to the app's own (non-existent) network would fail here rather than pass unseen.
  expect(log.failed).toEqual([]);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}


const project = {
  "main.ts": 'import { FastAPI } from "fastapi-ts";\n\nexport const app = new FastAPI();\n\napp.get("/lan", async function lan() {\n  return { served: "on the LAN" };\n});\n',
  "main.test.ts": 'import { expect, it } from "vitest";\nimport { TestClient } from "fastapi-ts";\nimport { app } from "./main.ts";\n\nit("answers on the LAN", async () => {\n  const response = await new TestClient(app).get("/lan");\n  expect(response.json()).toEqual({ served: "on the LAN" });\n});\n',
};

test("the page is not a secure context, yet share links open and are made, drafts are kept and tests run", async ({ page, context }) => {
  const log = requestLog(context);
  const errors = watchErrors(page);
  await page.goto("/playground");
  expect(await page.evaluate(() => ({ secure: isSecureContext, subtle: typeof crypto.subtle, host: location.host }))).toEqual({
    secure: false,
    subtle: "undefined",
    host: `training.lan:${port}`,
  });

  // Opening a link: shown, run on consent.
  await page.goto(`/playground#code=${await encodeProject({ files: project })}`);
  await expect(page.getByTestId("consent")).toBeVisible();
  await expect(page.getByTestId("notice")).toHaveCount(0);
  await page.getByRole("button", { name: "Run this code" }).click();
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await expect(page.getByTestId("swagger-pane").getByText("/lan")).toBeVisible({ timeout: 30_000 });

  // The Tests pane runs main.test.ts.
  await page.getByRole("tab", { name: "Tests" }).click();
  await page.getByTestId("tests-pane").getByRole("button", { name: "Run tests" }).click();
  await expect(page.getByTestId("tests-summary")).toHaveText("1 passed, 0 failed", { timeout: 60_000 });

  // A draft survives a reload of the same link.
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await editorLines(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\n// kept over plain http\n");
  await page.reload();
  await expect(editorLines(page)).toContainText("kept over plain http", { timeout: 30_000 });

  // Making a link: there is no clipboard here, so the link is shown to copy by hand, and it opens.
  await page.getByRole("button", { name: "Run this code" }).click();
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByTestId("share-status")).toContainText("copy it");
  const link = await page.getByTestId("share-link").inputValue();
  expect(link.startsWith(`${origin}/playground#code=v1.`)).toBe(true);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId("consent")).toBeVisible();
  await expect(other.getByTestId("code-editor")).toContainText("kept over plain http", { timeout: 30_000 });
  await other.close();

  expect(errors).toEqual([]);
  await expectAllFromLoopback(log);
});

test("an embed of a shared project opens, and a guide page's example runs and passes its tests", async ({ page, context }) => {
  const log = requestLog(context);
  const errors = watchErrors(page);
  await page.goto(`/embed#code=${await encodeProject({ files: project })}&panes=swagger,request`);
  await expect(page.getByTestId("consent")).toBeVisible({ timeout: 30_000 });
  // No problem reported. Monaco keeps two empty role="alert" live regions for screen readers once an editor
  // exists, so only an alert that says something counts.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Run this code" }).click();
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });

  await page.goto("/tutorial/first-steps");
  const example = page.locator('[data-testid="live-example"]').first();
  await example.getByRole("button", { name: /^Run/ }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await example.getByRole("button", { name: "Tests" }).click();
  await example.getByRole("button", { name: "Run tests" }).click();
  await expect(example.getByTestId("tests-summary")).toHaveText(/^[1-9]\d* passed, 0 failed$/, { timeout: 60_000 });

  expect(errors).toEqual([]);
  await expectAllFromLoopback(log);
});

test("an example that signs JWTs says it needs HTTPS or localhost, where the reader meets it", async ({ page, context }) => {
  const log = requestLog(context);
  await page.goto("/tutorial/security/oauth2-jwt");
  const example = page.locator('[data-testid="live-example"][data-example-name="security/tutorial004"]');
  await example.getByRole("button", { name: /^Run/ }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  // Said as soon as the example runs, before the reader tries to log in.
  await expect(example.getByTestId("secure-context-notice")).toContainText("open this site over HTTPS, or at http://localhost");
  await example.getByRole("button", { name: "Tests" }).click();
  await example.getByRole("button", { name: "Run tests" }).click();
  // The tests that sign or verify a token fail, each saying why and what to do; the others pass.
  await expect(example.getByTestId("tests-summary")).toHaveText(/^[1-9]\d* passed, [1-9]\d* failed$/, { timeout: 90_000 });
  const failure = example.locator('[data-testid="test-result"][data-status="fail"] pre.message').first();
  await expect(failure).toContainText("WebCrypto");
  await expect(failure).toContainText("HTTPS");
  await expect(failure).toContainText("localhost");
  await expect(example.locator('[data-testid="test-result"][data-status="fail"] pre.message').filter({ hasNotText: "WebCrypto" })).toHaveCount(0);
  await expectAllFromLoopback(log);
});
