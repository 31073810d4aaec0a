// The site offline after one visit: the service worker (site/service-worker.ts) saves every page, every example's
// project files, the vendor modules, esbuild's wasm and Monaco; with the network cut, every guide page and the
// playground load, and a sample of examples runs, while the request log shows nothing reached the network.
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page, type Request } from "@playwright/test";
import { testChromiumArgs, chromiumExecutable } from "./chromium.ts";
import { readSourcesFromDisk } from "../site/lib/content/disk.ts";
import { buildOutline } from "../site/lib/content/outline.ts";
import { expect, test } from "./fixtures.ts";

// The rest of the suite blocks service workers (playwright.config.ts); this file is about them.
test.use({ serviceWorkers: "allow" });

const outline = buildOutline(readSourcesFromDisk(fileURLToPath(new URL("../tutorials", import.meta.url))));

/** Examples run offline, one per kind of app: plain routes, bodies, dependencies, JWT auth (WebCrypto), websockets. */
const RUN_OFFLINE: Record<string, string> = {
  "/tutorial/first-steps": "first_steps/tutorial001",
  "/tutorial/body": "body/tutorial001",
  "/tutorial/dependencies": "dependencies/tutorial001",
  "/tutorial/security/oauth2-jwt": "security/tutorial004",
  "/advanced/websockets": "websockets/tutorial001",
};

/** Waits until the indicator says the whole site is saved and this page is served by the service worker. */
async function saveForOffline(page: Page): Promise<void> {
  await page.goto("/tutorial/first-steps");
  await expect(page.getByTestId("offline-status")).toHaveAttribute("data-offline-state", "ready", { timeout: 180_000 });
  await expect(page.getByTestId("offline-status")).toHaveText(/Available offline/);
}

/**
 * Every http request made from now on, with how it was answered. A request the service worker made itself
 * (`serviceWorker()`) went to the network; one the page made is fine only if the worker answered it.
 */
function recordRequests(context: BrowserContext): { requests: Request[] } {
  const log = { requests: [] as Request[] };
  context.on("request", (request) => {
    if (/^https?:/.test(request.url())) log.requests.push(request);
  });
  return log;
}

async function reachedNetwork(requests: Request[]): Promise<string[]> {
  const leaks: string[] = [];
  for (const request of requests) {
    if (request.serviceWorker()) {
      leaks.push(`service worker fetched ${request.url()}`);
      continue;
    }
    const response = await request.response();
    // Cancelled by the next navigation before any answer (a preload of the page left): it reached nothing. Offline,
    // a request that tried the network fails otherwise (net::ERR_INTERNET_DISCONNECTED).
    if (!response && request.failure()?.errorText === "net::ERR_ABORTED") continue;
    if (!response?.fromServiceWorker()) leaks.push(`${request.url()} (${response ? response.status() : request.failure()?.errorText})`);
  }
  return leaks;
}

test("with the network cut after one visit, every guide page and the playground load, and examples run", async ({ page, context }) => {
  test.setTimeout(600_000);
  await saveForOffline(page);
  await context.setOffline(true);
  const log = recordRequests(context);

  for (const entry of outline.pages) {
    const response = await page.goto(entry.path);
    expect(response?.status(), `${entry.path} loads offline`).toBe(200);
    await expect(page.locator("main h1").first(), `${entry.path} shows its title`).toBeVisible();
  }

  // Every example's project files are in the offline copy, not only those run below.
  const examples = [...new Set(outline.pages.flatMap((entry) => entry.examples))];
  expect(examples.length).toBeGreaterThan(0);
  const missing = await page.evaluate(async (names) => {
    const statuses = await Promise.all(names.map(async (name) => [name, (await fetch(`/examples/${name}/project.json`)).status] as const));
    return statuses.filter(([, status]) => status !== 200).map(([name]) => name);
  }, examples);
  expect(missing, "examples whose files are not saved").toEqual([]);

  for (const [path, name] of Object.entries(RUN_OFFLINE)) {
    await page.goto(path);
    const example = page.locator(`[data-testid="live-example"][data-example-name="${name}"]`);
    await example.getByRole("button", { name: /^Run/ }).click();
    await expect(example.getByRole("status"), `${name} runs offline`).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
    await expect(example.locator(".swagger .opblock").first()).toBeVisible({ timeout: 30_000 });
  }

  await page.goto("/playground");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await expect(page.getByTestId("swagger-pane").locator(".opblock").first()).toBeVisible({ timeout: 30_000 });

  expect(log.requests.length, "the pages made requests").toBeGreaterThan(outline.pages.length);
  expect(await reachedNetwork(log.requests), "requests that reached the network").toEqual([]);
});

test("once saved, the app's own scripts and the vendor files are answered from the cache by the browser, without the worker's fetch handler", async ({ page }) => {
  await saveForOffline(page);
  await page.goto("/playground");
  await expect(page.getByTestId("swagger-pane").locator(".opblock").first()).toBeVisible({ timeout: 30_000 });
  const sources = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as (PerformanceResourceTiming & { workerFinalSourceType?: string })[])
      .filter((entry) => /^\/(_app\/immutable|vendor)\//.test(new URL(entry.name).pathname))
      .map((entry) => [new URL(entry.name).pathname, entry.workerFinalSourceType ?? "(not reported)"] as const),
  );
  expect(sources.length).toBeGreaterThan(5);
  expect(sources.map(([path]) => path)).toContain("/vendor/docs-assets/swagger-ui-bundle.js");
  expect(sources.filter(([, source]) => source !== "cache")).toEqual([]);
});

test("over plain http from a LAN name, the indicator says there is no offline copy, and why", async ({ baseURL, browserName }) => {
  expect(browserName).toBe("chromium");
  const port = new URL(baseURL!).port;
  // training.lan resolves to loopback: a LAN host name over http, not a secure context, without leaving the machine.
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...testChromiumArgs, "--host-resolver-rules=MAP training.lan 127.0.0.1, MAP * ~NOTFOUND"],
  });
  try {
    const page = await browser.newPage();
    const hosts = new Set<string>();
    page.on("request", (request) => void (/^https?:/.test(request.url()) && hosts.add(new URL(request.url()).host)));
    await page.goto(`http://training.lan:${port}/tutorial/first-steps`);
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    const status = page.getByTestId("offline-status");
    await expect(status).toHaveAttribute("data-offline-state", "insecure");
    await expect(status).toHaveText("No offline copy (needs HTTPS)");
    await expect(status).toHaveAttribute("title", /HTTPS/);
    // No service worker at all: the browser offers none off a secure context, and the page asked for none.
    expect(await page.evaluate(() => "serviceWorker" in navigator)).toBe(false);
    expect([...hosts]).toEqual([`training.lan:${port}`]);
  } finally {
    await browser.close();
  }
});
