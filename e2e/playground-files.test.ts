// Files in the playground: a reader adds, renames and deletes files, the app runs the multi-file
// project, bad names are refused with a reason, and drafts and share links carry the files (links made
// before files could be added still open).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { editorLines, runStatus } from "./ui.ts";

const fileTabs = (page: Page) => page.getByRole("tablist", { name: "Files" }).getByRole("tab");

test.describe.configure({ timeout: 120_000 });

async function typeInEditor(page: Page, text: string, { replace = false } = {}): Promise<void> {
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await editorLines(page).click();
  if (replace) await page.keyboard.press("ControlOrMeta+A");
  else await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText(text);
}

async function fileForm(page: Page, action: "New file" | "Rename", name: string): Promise<void> {
  await page.getByRole("toolbar", { name: "File actions" }).getByRole("button", { name: action }).click();
  const input = page.getByTestId("file-form").getByRole("textbox");
  await input.fill(name);
  await input.press("Enter");
}

test("a reader builds a multi-file project: add, rename and delete files, with names checked", async ({ page, context }) => {
  // Many steps, each rebuilding the app in the page: generous on a loaded 2-core machine.
  test.setTimeout(240_000);
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(fileTabs(page)).toHaveText(["main.ts"]);
  // main.ts is the entry: it can be neither renamed nor deleted.
  const actions = page.getByRole("toolbar", { name: "File actions" });
  await expect(actions.getByRole("button", { name: "Rename" })).toBeDisabled();
  await expect(actions.getByRole("button", { name: "Delete" })).toBeDisabled();

  // Names that cannot be a file say why, and change nothing.
  for (const [name, reason] of [
    ["main.ts", "entry"],
    ["notes.md", "End the name with .ts or .js"],
    ["../outside.ts", "no . or .. folders"],
    ["my router.ts", "no spaces"],
  ] as const) {
    await fileForm(page, "New file", name);
    await expect(page.getByTestId("file-form").getByRole("alert")).toContainText(reason);
  }
  await page.getByTestId("file-form").getByRole("button", { name: "Cancel" }).click();
  await expect(fileTabs(page)).toHaveText(["main.ts"]);

  // A router in a file of its own, included by main.ts.
  await fileForm(page, "New file", "routers/items.ts");
  await expect(fileTabs(page)).toHaveText(["main.ts", "routers/items.ts"]);
  await expect(page.getByRole("tab", { name: "routers/items.ts" })).toHaveAttribute("aria-selected", "true");
  await typeInEditor(page, 'import { APIRouter } from "fastapi-ts";\nexport const router = new APIRouter({ prefix: "/items" });\nrouter.get("/", async function read_items() { return [{ name: "Portal Gun" }]; });\n');
  await page.getByRole("tab", { name: "main.ts" }).click();
  await typeInEditor(page, '\nimport { router } from "./routers/items.ts";\napp.includeRouter(router);\n');
  await expect(page.getByTestId("swagger-pane").getByText("/items/")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("tab", { name: "Request" }).click();
  await page.getByLabel("Path and query").fill("/items/");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("console-body")).toContainText('"name": "Portal Gun"');

  // A duplicate, even in another case, is refused.
  await fileForm(page, "New file", "Routers/Items.ts");
  await expect(page.getByTestId("file-form").getByRole("alert")).toContainText("already a file named routers/items.ts");
  await page.getByTestId("file-form").getByRole("button", { name: "Cancel" }).click();

  // Renaming a file main.ts imports breaks the build, which says what is missing; renaming it back mends it.
  await page.getByRole("tab", { name: "routers/items.ts" }).click();
  await fileForm(page, "Rename", "routers/things.ts");
  await expect(fileTabs(page)).toHaveText(["main.ts", "routers/things.ts"]);
  await expect(editorLines(page)).toContainText("Portal Gun");
  await expect(page.getByTestId("problems")).toContainText('Cannot find "./routers/items.ts"', { timeout: 30_000 });
  await fileForm(page, "Rename", "routers/items.ts");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });

  // A scratch file, deleted after a confirmation.
  await fileForm(page, "New file", "scratch.ts");
  await typeInEditor(page, "export const scratch = 1;\n");
  await actions.getByRole("button", { name: "Delete" }).click();
  await page.getByTestId("file-form").getByRole("button", { name: "Delete" }).click();
  await expect(fileTabs(page)).toHaveText(["main.ts", "routers/items.ts"]);
  await expect(page.getByRole("tab", { name: "main.ts" })).toHaveAttribute("aria-selected", "true");

  // The draft keeps the files through a reload.
  await page.reload();
  await expect(fileTabs(page)).toHaveText(["main.ts", "routers/items.ts"], { timeout: 30_000 });
  await expect(page.getByTestId("swagger-pane").getByText("/items/")).toBeVisible({ timeout: 30_000 });

  // A share link carries them, and opens at the file that was shown.
  await page.getByRole("tab", { name: "routers/items.ts" }).click();
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(fileTabs(other)).toHaveText(["main.ts", "routers/items.ts"], { timeout: 30_000 });
  await expect(other.getByRole("tab", { name: "routers/items.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(editorLines(other)).toContainText("Portal Gun", { timeout: 30_000 });
  await other.close();

  // Reset goes back to the original project: one file.
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(fileTabs(page)).toHaveText(["main.ts"]);
});

test("a link made before files could be added still opens (the frozen v1 link)", async ({ page }) => {
  // The same payload the codec's unit test keeps: never regenerate it.
  await page.goto("/playground#code=v1.q1ZKy8xJLVayqlbKTczM0yspVrJSSq0oyC8qUUjOzysuUUgsKFCwVTC0jslTqq0FAA");
  await expect(page.getByTestId("consent")).toBeVisible();
  await expect(page.getByTestId("notice")).toHaveCount(0);
  await expect(fileTabs(page)).toHaveText(["main.ts"], { timeout: 30_000 });
  await expect(page.getByTestId("code-editor")).toContainText("export const app = 1;", { timeout: 30_000 });
});
