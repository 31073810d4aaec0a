// Swagger UI's Authorize on a guide page, as the page tells the reader to use it: the OAuth2 scheme's relative
// `tokenUrl` ("token") means the app's POST /token, as it does when the app serves its own /docs, not a path under
// the guide page's address (/tutorial/security/token).
import { expect, test } from "./fixtures.ts";

test.describe.configure({ timeout: 120_000 });

for (const { page: path, name } of [
  { page: "/tutorial/security/oauth2-jwt", name: "security/tutorial004" },
  { page: "/tutorial/security/simple-oauth2", name: "security/tutorial003" },
]) {
  test(`Authorize on ${path} logs in against the app's token endpoint, then a protected operation answers`, async ({ page }) => {
    await page.goto(path);
    const example = page.locator(`[data-testid="live-example"][data-example-name="${name}"]`);
    await example.getByRole("button", { name: /^Run/ }).click();
    await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
    const swagger = example.getByTestId("swagger-pane");

    await swagger.locator(".auth-wrapper .authorize").click();
    const dialog = page.locator(".dialog-ux .modal-ux");
    await dialog.locator("#oauth_username").fill("johndoe");
    await dialog.locator("#oauth_password").fill("secret");
    await dialog.getByRole("button", { name: "Apply given OAuth2 credentials" }).click();
    // Logged in: the dialog offers to log out, and shows no error.
    await expect(dialog.getByRole("button", { name: /logout|remove/i })).toBeVisible();
    await expect(dialog.getByText(/Auth Error/)).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close" }).click();

    const me = swagger.locator(".opblock-get").filter({ hasText: "/users/me" }).first();
    await me.locator(".opblock-summary").click();
    await me.getByRole("button", { name: "Try it out" }).click();
    await me.getByRole("button", { name: "Execute" }).click();
    await expect(me.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");
    await expect(me.locator(".live-responses-table .response-col_description pre").first()).toContainText('"username": "johndoe"');
  });
}
