// Multi-file examples on guide pages: the live example shows each of its files as a tab, Edit opens the one shown
// and every file (its test too) as editable tabs, and an edit to a file beside main.ts runs; where the prose walks
// through one file, the page shows it from the example itself, never from a copy.
import { expect, test } from "./fixtures.ts";

test.describe.configure({ timeout: 120_000 });

test("bigger-applications shows its example's five files as tabs, and an edit to a router runs", async ({ page }) => {
  await page.goto("/tutorial/bigger-applications");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
  const example = page.locator('.example[data-example="bigger_applications/app"]');
  const files = example.getByRole("tablist", { name: "Files of this example" });
  await expect(files.getByRole("tab")).toHaveText(["main.ts", "dependencies.ts", "internal/admin.ts", "routers/items.ts", "routers/users.ts"]);
  const shown = example.locator('[role="tabpanel"]:visible');
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText("app.includeRouter(users.router)");

  await files.getByRole("tab", { name: "routers/items.ts" }).click();
  await expect(files.getByRole("tab", { name: "routers/items.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText("fake_items_db");
  // Arrow keys move between the files, as in any tab list.
  await page.keyboard.press("ArrowRight");
  await expect(shown).toContainText('router.get("/users/"');
  await page.keyboard.press("ArrowLeft");
  await expect(shown).toContainText("fake_items_db");

  // The sections before it show each file from the example, under its path; the page copies none of them.
  const views = page.locator("figure.example-file-view");
  await expect(views.locator("figcaption")).toHaveText(["routers/users.ts", "dependencies.ts", "routers/items.ts", "internal/admin.ts"]);
  await expect(views.nth(2)).toContainText("fake_items_db");
  await expect(page.locator("article.content pre:not(:is(figure.example-file-view, .example) pre)").filter({ hasText: "new APIRouter(" })).toHaveCount(0);

  // Run, then Edit: the editor opens at the file that was shown, with every file (the test too) as a tab.
  const live = page.locator('[data-testid="live-example"][data-example-name="bigger_applications/app"]');
  await live.getByRole("button", { name: /^Run/ }).click();
  await expect(live.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await live.getByRole("button", { name: "Edit" }).click();
  const editorTabs = live.getByRole("tablist", { name: "Files" }).getByRole("tab");
  await expect(editorTabs).toHaveText(["main.ts", "dependencies.ts", "internal/admin.ts", "routers/items.ts", "routers/users.ts", "main.test.ts"]);
  await expect(live.getByRole("tab", { name: "routers/items.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(files).toBeHidden();
  const lines = live.getByTestId("code-editor").locator(".view-lines");
  await expect(lines).toContainText("fake_items_db", { timeout: 30_000 });
  await lines.getByText("Portal Gun").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.insertText('gun: { name: "Plasma Rifle" },');

  // The edited router runs: its answer changed.
  await live.getByRole("tab", { name: "Request" }).click();
  await live.getByLabel("Path and query").fill("/items/gun?token=jessica");
  await live.getByText("Headers and body").click();
  await live.getByLabel("Headers").fill("X-Token: fake-super-secret-token");
  await expect(async () => {
    await live.getByRole("button", { name: "Send" }).click();
    await expect(live.getByTestId("console-body")).toContainText('"name": "Plasma Rifle"', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The other files are editable too: the test is one tab away.
  await live.getByRole("tab", { name: "main.test.ts" }).click();
  await expect(lines).toContainText("describe(", { timeout: 15_000 });
});

test("file tabs switch only their own example", async ({ page }) => {
  await page.goto("/advanced/settings");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
  const app01 = page.locator('.example[data-example="settings/app01"]');
  const app02 = page.locator('.example[data-example="settings/app02"]');
  await app01.getByRole("tab", { name: "config.ts" }).click();
  await expect(app01.locator('[role="tabpanel"]:visible')).toContainText("loadSettings(Settings, { dotenv })");
  await expect(app02.getByRole("tab", { name: "main.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(app02.locator('[role="tabpanel"]:visible')).toContainText("settings(config.Settings,");
});
