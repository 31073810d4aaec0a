// Every example on every page of the guides runs live in the page, and its app answers /openapi.json
// with a valid OpenAPI 3.1 document: the very document the site built for it (shown while the app starts).
// Each page is first checked as site.test.ts checks the pages without examples (guide-page.ts).
// The page list comes from the content itself, so this test grows with the guides without being edited.
import { fileURLToPath } from "node:url";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { readSourcesFromDisk } from "../site/lib/content/disk.ts";
import { buildOutline } from "../site/lib/content/outline.ts";
import type { ExampleProject } from "../playground/src/project/example.ts";
import { expect, foreignRequestsOf, pageErrorsOf, test as base } from "./fixtures.ts";
import { openGuidePage } from "./guide-page.ts";

/**
 * The sweep's pages share one browser context per Playwright worker, as a reader's tab does from page to page: the
 * HTTP cache and V8's code cache then keep Swagger UI and the runtime's modules from one page to the next instead of
 * a fresh profile compiling them again for every page (~7% of the sweep's time). Each page is still a new page, and
 * every request of the shared context must stay on the site's origin, as in every other test (fixtures.ts).
 */
const test = base.extend<{ page: Page }, { warm: { context: BrowserContext; foreign: string[]; errors: string[] } }>({
  warm: [
    async ({ browser }, use) => {
      const origin = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4319)}`;
      const context = await browser.newContext({ baseURL: origin, serviceWorkers: "block" });
      await use({ context, foreign: foreignRequestsOf(context, origin), errors: pageErrorsOf(context) });
      await context.close();
    },
    { scope: "worker" },
  ],
  page: async ({ warm }, use) => {
    const page = await warm.context.newPage();
    await use(page);
    await page.close();
    expect(warm.foreign, "requests that left the site's origin").toEqual([]);
    expect(warm.errors, "exceptions left uncaught by the page").toEqual([]);
  },
});

/** One validator for the worker: it compiles the OpenAPI 3.1 schema once, not once per example. */
const validator = new Validator();

// Each page is its own test, independent of the others: they may run on any worker, in any order.
test.describe.configure({ mode: "parallel" });

const outline = buildOutline(readSourcesFromDisk(fileURLToPath(new URL("../tutorials", import.meta.url))));
const pagesWithExamples = outline.pages.filter((entry) => entry.examples.length > 0);

/** Asks the running example for its OpenAPI document, where the app serves it (/openapi.json by default). */
async function openapiOf(example: Locator, url: string): Promise<unknown> {
  await example.getByRole("tab", { name: "Request" }).click();
  await example.getByLabel("Method").selectOption("GET");
  await example.getByLabel("Path and query").fill(url);
  await example.getByRole("button", { name: "Send" }).click();
  await expect(example.getByTestId("console-status")).toHaveText("200");
  return JSON.parse(await example.getByTestId("console-body").innerText());
}

async function statusOf(example: Locator, url: string): Promise<string> {
  await example.getByRole("tab", { name: "Request" }).click();
  await example.getByLabel("Path and query").fill(url);
  await example.getByRole("button", { name: "Send" }).click();
  return (await example.getByTestId("console-status").textContent()) ?? "";
}

/**
 * Examples whose middleware refuses this page's own requests, by design, with the status the reader sees: the page
 * is served over http from a host they do not trust. Their vitest tests read their OpenAPI as an allowed client.
 */
const refusesThePage: Record<string, string> = {
  "advanced_middleware/tutorial001": "307", // HTTPSRedirectMiddleware: the page is http, not https
  "advanced_middleware/tutorial002": "400", // TrustedHostMiddleware: the page's host is not example.com
};

/**
 * The document without the `itemSchema` of streaming responses: FastAPI writes OpenAPI 3.2's field for sequential
 * media types (JSON Lines, Server-Sent Events) into its 3.1 documents, and so does fastapi-ts, to stay wire-compatible;
 * the 3.1 schema does not know it. Each one found must be a schema object.
 */
function withoutItemSchemas(document: unknown): unknown {
  return JSON.parse(JSON.stringify(document), function (key, value: unknown) {
    if (key !== "itemSchema") return value;
    expect(typeof value === "object" && value !== null, "itemSchema is a schema object").toBe(true);
    return undefined;
  });
}

test("the guides have live examples", () => {
  expect(pagesWithExamples.length).toBeGreaterThan(0);
});

for (const entry of pagesWithExamples) {
  test(`every example on ${entry.path} runs and documents itself`, async ({ page }) => {
    test.setTimeout(60_000 + entry.examples.length * 20_000);
    const { errors } = await openGuidePage(page, entry);
    for (const name of entry.examples) {
      const built = ((await (await page.request.get(`/examples/${name}/project.json`)).json()) as ExampleProject).docs;
      expect(built, `${name}: the site built its documents`).toBeDefined();
      const example = page.locator(`[data-testid="live-example"][data-example-name="${name}"]`);
      await example.getByRole("button", { name: /^Run/ }).click();
      await expect(example.getByRole("status"), `${name} runs`).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
      const url = await example.getAttribute("data-openapi-url");
      expect(url || null, `${name}: the built document's URL is the app's`).toBe(built!.openapiUrl);
      if (name in refusesThePage) {
        expect(await statusOf(example, url || "/openapi.json"), `${name} refuses the page`).toBe(refusesThePage[name]);
        continue;
      }
      // An app may turn its OpenAPI off (openapiUrl: null): then it must not serve one.
      if (!url) {
        expect(await statusOf(example, "/openapi.json"), `${name} serves no OpenAPI`).toBe("404");
        continue;
      }
      const document = await openapiOf(example, url);
      const result = await validator.validate(withoutItemSchemas(document) as Parameters<Validator["validate"]>[0]);
      expect(result.errors ?? [], `${name}: /openapi.json is valid OpenAPI`).toEqual([]);
      expect(result.valid).toBe(true);
      expect((document as { openapi: string }).openapi).toBe("3.1.0");
      expect(built!.openapi, `${name}: the document built with the site is the one the running app serves`).toEqual(document);
    }
    expect(errors, "uncaught errors in the page").toEqual([]);
  });
}

// In its own profile: the draft it leaves would be a sweep page's code in the shared one.
base("Edit turns an example into an editor in place, and Open in playground carries it over", async ({ page }) => {
  await page.goto("/tutorial/first-steps");
  const example = page.locator('[data-testid="live-example"]').first();
  await example.getByRole("button", { name: "Run" }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(example.locator(".swagger .opblock").first()).toBeVisible({ timeout: 30_000 });

  await example.getByRole("button", { name: "Edit" }).click();
  const lines = example.getByTestId("code-editor").locator(".view-lines");
  await expect(lines).toBeVisible({ timeout: 30_000 });
  await lines.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText('app.get("/edited", async function edited() { return { edited: true }; });\n');
  await expect(example.locator(".swagger").getByText("/edited")).toBeVisible({ timeout: 20_000 });

  await example.getByRole("link", { name: "Open in playground" }).click();
  await expect(page).toHaveURL(/\/playground#example=first_steps\/tutorial001/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(page.getByTestId("swagger-pane").getByText("/edited")).toBeVisible({ timeout: 30_000 });
});
