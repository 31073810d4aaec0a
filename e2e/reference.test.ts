// The API reference in a real Chromium, against the built site: its pages are static HTML with every entry's
// signature, docs and anchor; the sidebar and search lead to them; a guide's first mention of an export links there.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
}

const article = (page: Page) => page.locator("article.content");
const referenceNav = (page: Page) => page.getByRole("navigation", { name: "API reference" });

test("a reference page is static HTML: each entry with its anchor, signature and docs before any script runs", async ({ request }) => {
  const response = await request.get("/reference/dependencies");
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('<h2 id="Depends">');
  expect(html).toMatch(/<pre class="shiki[^>]*>.*function<\/span>.*Depends.*Dependable/s);
  expect(html).toContain("Injects what a dependency provides");
  // `{@link dependency}` in Depends' TSDoc: a relative link to the entry on the same page.
  expect(html).toContain('href="./dependencies#dependency"');
});

test("an entry shows its signature, TSDoc (summary, parameters, returns, example) and links to the types it uses", async ({ page }) => {
  await open(page, "/reference/dependencies#dependency");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dependencies");
  const entry = page.locator("section.api-entry", { has: page.locator("h2#dependency") });
  await expect(entry.locator("h2")).toBeInViewport();
  await expect(entry.locator("pre.shiki").first()).toContainText("function dependency<const P extends ParamsDeclaration, R>(");
  await expect(entry).toContainText("Declares a dependency with parameters");
  const params = entry.locator("table.api-params");
  await expect(params.locator("tbody tr")).toHaveCount(2);
  await expect(params.locator("tbody tr").nth(1)).toContainText("Receives the validated parameters");
  await expect(entry.locator(".api-returns")).toHaveText("Returns");
  // The example is highlighted by the site's shiki pipeline (light and dark colours as variables).
  const example = entry.locator("h3:text('Example') + pre.shiki");
  await expect(example).toContainText("const commonParameters = dependency(");
  expect(await example.locator("span[style*='--shiki-dark']").count()).toBeGreaterThan(5);

  // A type in a signature links to its entry, on whichever page it is.
  await entry.locator("pre.shiki a.api-type", { hasText: "ParamsDeclaration" }).first().click();
  await expect(page).toHaveURL(/\/reference\/parameters#ParamsDeclaration$/);
  await expect(page.locator("h2#ParamsDeclaration")).toBeInViewport();
});

test("a class lists its members with anchors, and what it inherits links to where that is described", async ({ page }) => {
  await open(page, "/reference/fastapi#FastAPI.dependencyOverrides");
  const member = page.locator('dt[id="FastAPI.dependencyOverrides"]');
  await expect(member).toBeInViewport();
  await expect(member).toContainText("readonly dependencyOverrides: DependencyOverrides");
  const inherited = page.locator("section.api-entry", { has: page.locator("h2#FastAPI") }).locator(".api-inherited");
  await expect(inherited).toContainText("Inherited from APIRouter");
  await inherited.getByRole("link", { name: "includeRouter", exact: true }).click();
  await expect(page).toHaveURL(/\/reference\/apirouter#APIRouter\.includeRouter$/);
  await expect(page.locator('dt[id="APIRouter.includeRouter"]')).toBeInViewport();
});

test("the sidebar lists the reference's pages; the overview lists every export", async ({ page }) => {
  await open(page, "/reference");
  const links = referenceNav(page).getByRole("link");
  await expect(links.first()).toHaveText("Overview");
  await expect(referenceNav(page).locator('[aria-current="page"]')).toHaveText("Overview");
  for (const title of ["FastAPI app", "Parameters", "Dependencies", "Security", "Testing", "Node adapter (fastapi-ts/node)"]) {
    await expect(referenceNav(page).getByRole("link", { name: title, exact: true })).toBeVisible();
  }
  // The overview says how many exports there are, and lists each one once.
  const total = Number((await article(page).locator("p").first().textContent())?.match(/\((\d+) in all\)/)?.[1]);
  expect(total).toBeGreaterThan(200);
  await expect(article(page).locator(".reference-listing li")).toHaveCount(total);

  await referenceNav(page).getByRole("link", { name: "Node adapter (fastapi-ts/node)" }).click();
  await expect(page).toHaveURL(/\/reference\/node$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Node adapter (fastapi-ts/node)");
  await expect(referenceNav(page).locator('[aria-current="page"]')).toHaveText("Node adapter (fastapi-ts/node)");
  await expect(page.locator("h2#serve")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On this page" }).last().getByRole("link", { name: "serve", exact: true })).toBeVisible();
  // The header leads here too.
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Reference" }).click();
  await expect(page).toHaveURL(/\/reference$/);
});

test("search finds an API by name and leads to its entry", async ({ page }) => {
  await open(page, "/");
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Search the documentation" });
  await box.fill("HTTPException");
  const results = page.getByRole("listbox", { name: "Search results" });
  const hit = results.getByRole("option").filter({ hasText: "Exceptions and handlers · API Reference" }).filter({ hasText: "HTTPException" });
  await expect(hit.first()).toBeVisible();
  await hit.first().click();
  await expect(page).toHaveURL(/\/reference\/exceptions#HTTPException$/);
  await expect(page.locator("h2#HTTPException")).toBeInViewport();
});

test("a guide's first mention of an export links to its entry; headings and later mentions do not", async ({ page }) => {
  await open(page, "/tutorial/handling-errors");
  const named = /^(new )?HTTPException(\(.*\))?$/;
  // "Throw an `HTTPException`" is a heading: it links to itself, not to the reference.
  await expect(article(page).locator("h2 code").filter({ hasText: named }).first()).toBeVisible();
  const mentions = article(page).locator("p code, li code, td code").filter({ hasText: named });
  expect(await mentions.count()).toBeGreaterThan(1);
  const links = article(page).locator("a.api-link").filter({ hasText: named });
  await expect(links).toHaveCount(1);
  await expect(mentions.first().locator("xpath=..")).toHaveClass("api-link");
  await links.click();
  await expect(page).toHaveURL(/\/reference\/exceptions#HTTPException$/);
  await expect(page.locator("h2#HTTPException")).toBeInViewport();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exceptions and handlers");
});

test("an unknown reference page is the 404 page", async ({ page }) => {
  await page.goto("/reference/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("main")).toContainText("/reference/no-such-page");
});
