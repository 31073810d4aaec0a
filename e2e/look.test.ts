// One look for every control of the playground, the live examples and the embed, from the site's design tokens, in
// light and dark: no browser-default buttons, hover, focus and disabled states, the executor control, the run
// status, legible panes in the dark theme, and Monaco and Swagger UI following the site's theme live.
import type { Page } from "@playwright/test";
import { NOT_ISOLATED } from "../playground/src/executor/choose.ts";
import { expect, test } from "./fixtures.ts";
import { contrast, expectSiteControls, liveExample, open, openPlayground, runExample, token } from "./ui.ts";

const firstSteps = "first_steps/tutorial001";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the playground's controls wear the site's look: buttons, tabs, fields, the primary Run", async ({ page }) => {
      await openPlayground(page);
      await page.getByRole("tab", { name: "Request" }).click();
      await page.getByText("Headers and body").click();
      await expectSiteControls(page.locator(".playground"));
      const run = page.getByRole("button", { name: "Run", exact: true });
      expect(await run.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(await token(page, "--accent"));
      expect(await contrast(run)).toBeGreaterThanOrEqual(4.5);
    });

    test("a guide example's controls and panes wear the site's look and stay legible", async ({ page }) => {
      await open(page, "/tutorial/first-steps");
      const example = await runExample(page, firstSteps);
      await expectSiteControls(example);
      // The pane tabs: never white on white in the dark theme.
      for (const name of ["Swagger UI", "ReDoc", "Request"]) {
        const tab = example.getByRole("tab", { name });
        expect(await contrast(tab), `the ${name} tab is legible`).toBeGreaterThanOrEqual(4.5);
      }
      await example.getByRole("tab", { name: "Request" }).click();
      await expectSiteControls(example);
      for (const field of [example.getByLabel("Path and query"), example.getByLabel("Method")]) {
        expect(await contrast(field)).toBeGreaterThanOrEqual(4.5);
      }
      await example.getByRole("button", { name: "Send" }).click();
      await expect(example.getByTestId("console-status")).toHaveText("200");
      expect(await contrast(example.getByTestId("console-body"))).toBeGreaterThanOrEqual(4.5);
      // Swagger UI draws itself in the site's scheme.
      await example.getByRole("tab", { name: "Swagger UI" }).click();
      const path = example.locator(".opblock-summary-path").first();
      expect(await contrast(path)).toBeGreaterThanOrEqual(4.5);
      if (colorScheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark-mode\b/);
      else await expect(page.locator("html")).not.toHaveClass(/\bdark-mode\b/);
    });

    test("the embed's controls wear the site's look", async ({ page }) => {
      await open(page, `/embed#example=${firstSteps}&panes=swagger,request`);
      await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
      await expectSiteControls(page.locator(".playground"));
    });
  });
}

test("buttons show hover, keyboard focus and disabled states from the tokens", async ({ page }) => {
  await openPlayground(page);
  const share = page.getByRole("button", { name: "Share" });
  const reset = page.getByRole("button", { name: "Reset" });

  await share.hover();
  await expect.poll(() => share.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(await token(page, "--control-bg-hover"));

  await expect(reset).toBeDisabled();
  expect(await reset.evaluate((button) => [getComputedStyle(button).opacity, getComputedStyle(button).cursor])).toEqual(["0.5", "not-allowed"]);

  await page.getByRole("button", { name: "Examples" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const run = page.getByRole("button", { name: "Run", exact: true });
  await expect(run).toBeFocused();
  expect(await run.evaluate((button) => [getComputedStyle(button).outlineStyle, getComputedStyle(button).outlineColor])).toEqual(["solid", await token(page, "--focus")]);
});

test("the executor control says what runs the code and why the other executor is not available", async ({ page }) => {
  await openPlayground(page);
  const control = page.getByTestId("executor");
  const face = control.locator("summary");
  await expect(face).toHaveText("Web Worker");
  await expect(face).toHaveAccessibleName("Runs in: Web Worker");
  // A control, not a bare disclosure triangle: bordered, no marker.
  expect(await face.evaluate((summary) => [getComputedStyle(summary).listStyleType, getComputedStyle(summary).borderTopStyle])).toEqual(["none", "solid"]);

  await face.focus();
  await page.keyboard.press("Enter");
  await expect(control.getByText("Runs in a Web Worker")).toBeVisible();
  await expect(control.getByText(/esbuild-wasm bundles your files in this tab/)).toBeVisible();
  await expect(page.getByTestId("executor-reason")).toHaveText(`WebContainer unavailable: ${NOT_ISOLATED}.`);
  await expect(control.getByRole("button", { name: /^Run in/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(control.getByText("Runs in a Web Worker")).toBeHidden();
  await expect(face).toBeFocused();

  await face.click();
  await expect(control.getByText("Runs in a Web Worker")).toBeVisible();
  await page.getByTestId("code-editor").click({ position: { x: 200, y: 200 } });
  await expect(control.getByText("Runs in a Web Worker")).toBeHidden();
});

test("the run status reads “Running in a Web Worker · N ms”", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/^Running in a Web Worker · \d+ ms$/, { timeout: 30_000 });
});

/** The background Monaco paints its text on. */
const editorBackground = (page: Page) => page.locator(".monaco-editor .monaco-editor-background").first().evaluate((element) => getComputedStyle(element).backgroundColor);

test.describe("Monaco follows the site's theme", () => {
  test.use({ colorScheme: "dark" });

  test("in a guide example, and switches live with the theme toggle", async ({ page }) => {
    await open(page, "/tutorial/first-steps");
    await liveExample(page, firstSteps).getByRole("button", { name: "Edit" }).click();
    await expect(liveExample(page, firstSteps).getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
    await expect.poll(() => editorBackground(page)).toBe(await token(page, "--bg"));
    expect(await token(page, "--bg")).toBe("rgb(13, 17, 23)");

    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect.poll(() => editorBackground(page)).toBe("rgb(255, 255, 255)");
    await expect(page.locator("html")).not.toHaveClass(/\bdark-mode\b/);
  });

  test("in the playground", async ({ page }) => {
    await openPlayground(page);
    await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
    await expect.poll(() => editorBackground(page)).toBe("rgb(13, 17, 23)");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect.poll(() => editorBackground(page)).toBe("rgb(255, 255, 255)");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect.poll(() => editorBackground(page)).toBe("rgb(13, 17, 23)");
  });
});
