// Screenshots of the look, light and dark, for people to review (not compared against anything): the playground, a
// guide page with a running example, and the phone layout. They land in screenshots/ (gitignored; see ui.ts).
import { join } from "node:path";
import { expect, test } from "./fixtures.ts";
import { liveExample, open, openPlayground, runExample, screenshotDir } from "./ui.ts";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme}`, () => {
    test.use({ colorScheme });

    test(`the playground and a guide page with a running example (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openPlayground(page);
      await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
      await page.screenshot({ path: join(screenshotDir, `playground-${colorScheme}.png`) });
      await page.getByRole("button", { name: "Examples" }).click();
      await page.keyboard.type("path parameters");
      await page.screenshot({ path: join(screenshotDir, `playground-examples-${colorScheme}.png`) });

      await open(page, "/tutorial/first-steps");
      const example = await runExample(page, "first_steps/tutorial001");
      await example.evaluate((element) => element.closest(".example")!.scrollIntoView({ block: "start" }));
      await page.evaluate(() => scrollBy(0, -70));
      await page.screenshot({ path: join(screenshotDir, `guide-${colorScheme}.png`) });
      await liveExample(page, "first_steps/tutorial001").getByRole("button", { name: "Full screen" }).click();
      await expect(example.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
      await page.screenshot({ path: join(screenshotDir, `guide-fullscreen-${colorScheme}.png`) });
    });

    test(`the phone layout (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open(page, "/playground");
      await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
      await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
      await page.screenshot({ path: join(screenshotDir, `phone-playground-code-${colorScheme}.png`) });
      await page.getByRole("tab", { name: "App" }).click();
      await expect(page.getByTestId("swagger-pane").locator(".opblock").first()).toBeVisible();
      await page.screenshot({ path: join(screenshotDir, `phone-playground-app-${colorScheme}.png`) });
      await open(page, "/tutorial/first-steps");
      await page.getByRole("button", { name: "Site menu" }).click();
      await page.screenshot({ path: join(screenshotDir, `phone-menu-${colorScheme}.png`) });
      await page.keyboard.press("Escape");
      await runExample(page, "first_steps/tutorial001");
      await page.locator(".example").first().evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.evaluate(() => scrollBy(0, -100));
      await page.screenshot({ path: join(screenshotDir, `phone-guide-${colorScheme}.png`) });
    });
  });
}
