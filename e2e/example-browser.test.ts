// The playground's example browser: every example of the guides by guide and page, searchable, opening with its
// files and a link back to its page, from the keyboard, with no request; the project's name; "New project".
import { fileURLToPath } from "node:url";
import { readSourcesFromDisk } from "../site/lib/content/disk.ts";
import { buildOutline } from "../site/lib/content/outline.ts";
import { expect, test } from "./fixtures.ts";
import { openPlayground } from "./ui.ts";

const sources = readSourcesFromDisk(fileURLToPath(new URL("../tutorials", import.meta.url)));
const outline = buildOutline(sources);
const placed = outline.pages.reduce((sum, page) => sum + page.examples.length, 0);
const guidesWithExamples = outline.guides.filter((guide) => guide.pages.some((page) => page.examples.length > 0));

test("lists every example of the guides by guide and page, and opens one from the keyboard with a link back", async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId("project-name")).toHaveText("First Steps");
  const examples = page.getByRole("button", { name: "Examples" });
  await examples.focus();
  await page.keyboard.press("Enter");

  const browser = page.getByRole("dialog", { name: "Examples" });
  await expect(browser).toBeVisible();
  await expect(browser.getByRole("searchbox", { name: "Search the examples" })).toBeFocused();
  await expect(browser.getByTestId("example-count")).toHaveText(`${placed} examples`);
  await expect(browser.getByRole("heading", { level: 3 })).toHaveText(guidesWithExamples.map((guide) => guide.title));
  await expect(browser.locator("button.example")).toHaveCount(placed);
  // The open example is marked.
  await expect(browser.locator('button.example[aria-current="true"]').first()).toHaveAttribute("data-example", "first_steps/tutorial001");

  // Search: every word must match (a page title, a section, a path its app declares).
  await page.keyboard.type("path predefined");
  await expect(browser.locator("button.example")).toHaveCount(1);
  await expect(browser.getByTestId("example-count")).toHaveText(`1 of ${placed} examples`);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("/models/{model_name}");
  await expect(browser.locator("button.example")).toHaveCount(1);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("no such example anywhere");
  await expect(browser.getByText("No example matches")).toBeVisible();

  await page.keyboard.press("Control+A");
  await page.keyboard.type("path parameters");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const chosen = browser.locator("button.example:focus");
  const name = await chosen.getAttribute("data-example");
  expect(name).toMatch(/^path_params\//);
  await page.keyboard.press("Enter");

  await expect(browser).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/playground#example=${name}$`));
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(page.getByTestId("project-name")).toHaveText("Path Parameters");
  await expect(page.getByTestId("code-editor")).toContainText(sources.examples.get(name!)!.get("main.ts")!.split("\n")[0]!, { timeout: 30_000 });
  const entry = outline.pages.find((candidate) => candidate.examples.includes(name!))!;
  const place = entry.examplePlaces.find((candidate) => candidate.name === name)!;
  const back = page.getByTestId("project-page");
  await expect(back).toHaveAttribute("href", new RegExp(`${entry.path}#${place.section}$`));
  await back.click();
  await expect(page).toHaveURL(new RegExp(`${entry.path}#${place.section}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(entry.title);
});

test("an example opens with all its files, and Escape closes the browser back to its button", async ({ page }) => {
  await openPlayground(page);
  const examples = page.getByRole("button", { name: "Examples" });
  await examples.click();
  const browser = page.getByRole("dialog", { name: "Examples" });
  await page.keyboard.press("Escape");
  await expect(browser).toBeHidden();
  await expect(examples).toBeFocused();

  await examples.click();
  await page.keyboard.type("bigger applications");
  await browser.locator('button.example[data-example="bigger_applications/app"]').click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  const files = [...sources.examples.get("bigger_applications/app")!.keys()];
  expect(files.length).toBeGreaterThan(3);
  // The playground orders them itself (main.ts first, tests last): the same files, whatever the order.
  const tabs = page.getByRole("tablist", { name: "Files" }).getByRole("tab");
  await expect(tabs).toHaveCount(files.length, { timeout: 30_000 });
  expect((await tabs.allTextContents()).sort()).toEqual([...files].sort());
  await expect(tabs.first()).toHaveText("main.ts");
});

test("browsing and searching the examples needs no request: it works offline", async ({ page, context }) => {
  const loaded = new Set<string>();
  page.on("requestfinished", (request) => loaded.add(new URL(request.url()).pathname));
  await openPlayground(page);
  // The editor and the bundler load once the first run is on screen; let them finish first. (Not "networkidle":
  // on a busy machine the page's background loads can leave no quiet half-second for a minute.)
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  const bundler = ["/vendor/esbuild.wasm", "/vendor/types.json"];
  await expect.poll(() => bundler.filter((path) => !loaded.has(path)), { timeout: 30_000 }).toEqual([]);
  const requests: string[] = [];
  // Monaco starts its workers and font on its own schedule; they are the editor's, not the browser's.
  page.on("request", (request) => {
    if (!/\/workers\/|codicon/.test(request.url())) requests.push(request.url());
  });
  await context.setOffline(true);
  await page.getByRole("button", { name: "Examples" }).click();
  const browser = page.getByRole("dialog", { name: "Examples" });
  await page.keyboard.type("websocket");
  await expect(browser.locator("button.example").first()).toBeVisible();
  expect(await browser.locator("button.example").count()).toBeGreaterThan(2);
  expect(requests).toEqual([]);
  await context.setOffline(false);
});

test("New project starts from an empty app, keeps its edits across a reload, and asks before starting over", async ({ page }) => {
  // A new project has no bundle built with the site: each of its runs starts esbuild-wasm.
  test.setTimeout(180_000);
  await openPlayground(page);
  await page.getByRole("button", { name: "New project" }).click();
  await expect(page).toHaveURL(/\/playground#new$/);
  await expect(page.getByTestId("project-name")).toHaveText("New project");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  const editor = page.getByTestId("code-editor");
  await expect(editor).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await expect(page.getByRole("tablist", { name: "Files" }).getByRole("tab")).toHaveText(["main.ts"]);

  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText('\napp.get("/mine", async function mine() { return {}; });\n');
  await expect(page.getByTestId("swagger-pane").getByText("/mine")).toBeVisible({ timeout: 30_000 });

  await page.reload();
  await expect(page.getByTestId("project-name")).toHaveText("New project");
  await expect(page.getByTestId("swagger-pane").getByText("/mine")).toBeVisible({ timeout: 60_000 });

  // Starting over throws that work away only when the reader confirms.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "New project" }).click();
  await expect(page.getByTestId("swagger-pane").getByText("/mine")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "New project" }).click();
  await expect(page.getByTestId("swagger-pane").getByText("/mine")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId("swagger-pane").locator(".opblock-summary-path")).toHaveText(["/"], { timeout: 60_000 });
});
