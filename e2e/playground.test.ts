import type { Page, FrameLocator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

async function openPlayground(page: Page): Promise<void> {
  await page.goto("/playground");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
}

const swagger = (page: Page) => page.getByTestId("swagger-pane");
const redoc = (page: Page): FrameLocator => page.frameLocator('[data-testid="redoc-pane"]');

test("the playground page loads with the first-steps example in Monaco", async ({ page }) => {
  await page.goto("/playground");
  await expect(page).toHaveTitle(/Playground/);
  const editor = page.getByTestId("code-editor");
  await expect(editor).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await expect(editor.locator(".view-lines")).toContainText('app.get("/"');
});

test("the example runs in a Web Worker", async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId("run-status")).toContainText("Running in a Web Worker");
  await expect(page.getByTestId("problems")).toHaveCount(0);
});

test("Swagger UI lists GET / from the app's OpenAPI", async ({ page }) => {
  await openPlayground(page);
  const op = swagger(page).locator(".opblock-get").first();
  await expect(op.locator(".opblock-summary-path")).toHaveText("/");
  await expect(op.locator(".opblock-summary-description")).toHaveText("Root");
});

test("Try it out → Execute is answered by the app in the page", async ({ page }) => {
  await openPlayground(page);
  const op = swagger(page).locator(".opblock-get").first();
  await op.locator(".opblock-summary").click();
  await op.getByRole("button", { name: "Try it out" }).click();
  await op.getByRole("button", { name: "Execute" }).click();
  const body = op.locator(".responses-wrapper .live-responses-table .response-col_description pre").first();
  await expect(body).toContainText('"message": "Hello World"');
  await expect(op.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");
});

test("adding a route in the editor adds an operation to Swagger UI and ReDoc", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("tab", { name: "ReDoc" }).click();
  await expect(redoc(page).getByRole("heading", { name: "Root" })).toBeVisible({ timeout: 30_000 });
  // ReDoc lists each operation in its menu (hidden in its narrow layout, so check presence, not visibility).
  const readItemInRedoc = redoc(page).getByText("Read Item", { exact: true });
  await expect(readItemInRedoc).toHaveCount(0);

  const editor = page.getByTestId("code-editor");
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText('app.get("/items/{item_id}", async function read_item() { return { ok: true }; });\n');

  // ReDoc is on screen and follows the edit…
  await expect(readItemInRedoc.first()).toBeAttached({ timeout: 15_000 });
  // …and so does Swagger UI.
  await page.getByRole("tab", { name: "Swagger UI" }).click();
  const op = swagger(page).locator(".opblock-get").filter({ hasText: "/items/{item_id}" });
  await expect(op.locator(".opblock-summary-description")).toHaveText("Read Item");
});

test("nothing leaves the page's origin while the playground runs", async ({ page, foreignRequests }) => {
  await openPlayground(page);
  await page.getByRole("tab", { name: "ReDoc" }).click();
  await expect(redoc(page).getByRole("heading", { name: "Root" })).toBeVisible({ timeout: 30_000 });
  expect(foreignRequests).toEqual([]);
});
