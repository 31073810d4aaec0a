// Helpers for the end-to-end tests of the site's look and layout: opening the playground and a running guide
// example, reading computed colours, and where the screenshots go.
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

/** Where the tests write their screenshots (gitignored): the playground, a guide page, the phone layout. */
export const screenshotDir = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** Opens a page and waits until its scripts have taken over (buttons need them). */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated");
}

/** The playground's run status (its `data-status`: waiting, running, ok, error). */
export const runStatus = (page: Page): Locator => page.getByTestId("run-status");

/** The text of the playground's editor, as Monaco renders it. */
export const editorLines = (page: Page): Locator => page.getByTestId("code-editor").locator(".view-lines");

/** How many performance marks named `name` the page has made (the playground marks its builds and runs). */
export const markCount = (page: Page, name: string): Promise<number> => page.evaluate((name) => performance.getEntriesByName(name).length, name);

/** Opens the playground and waits for its first run and for Swagger UI. */
export async function openPlayground(page: Page, hash = ""): Promise<void> {
  await open(page, `/playground${hash}`);
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(page.getByTestId("swagger-pane").locator(".opblock").first()).toBeVisible({ timeout: 30_000 });
}

/** The live example of `name` on the page. */
export const liveExample = (page: Page, name: string): Locator => page.locator(`[data-testid="live-example"][data-example-name="${name}"]`);

/** The example's card: the code and, under it, the live example. */
export const exampleCard = (page: Page, name: string): Locator => page.locator(`.example[data-example="${name}"]`);

/** Presses Run on a guide page's example and waits for its Swagger UI. */
export async function runExample(page: Page, name: string): Promise<Locator> {
  const example = liveExample(page, name);
  await example.getByRole("button", { name: /^Run/ }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(example.getByTestId("swagger-pane").locator(".opblock").first()).toBeVisible({ timeout: 30_000 });
  return example;
}

/** Types `text` on a new line at the end of the editor in `scope` (the playground, or a guide example in Edit). */
export async function appendToEditor(page: Page, text: string, scope: Page | Locator = page): Promise<void> {
  const editor = scope.getByTestId("code-editor");
  await expect(editor).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText(text);
}

/** A design token of the page (global.css), as the computed rgb() colour the browser reports for it. */
export function token(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement("span");
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, name);
}

/**
 * The WCAG contrast ratio between an element's text colour and the background it is drawn on (the first ancestor
 * with an opaque background, else the page's).
 */
export function contrast(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const linear = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    let background: number[] | undefined;
    for (let at: Element | null = element; at && !background; at = at.parentElement) {
      const color = channels(getComputedStyle(at).backgroundColor);
      if (color.length === 3 || (color.length === 4 && color[3]! > 0.5)) background = color;
    }
    const [lighter, darker] = [luminance(channels(getComputedStyle(element).color)), luminance(background ?? [255, 255, 255])].sort((a, b) => b - a);
    return (lighter! + 0.05) / (darker! + 0.05);
  });
}

/**
 * Every visible native control under `scope` that is not Swagger UI's or Monaco's, with what would give away the
 * browser's default look: a bevelled (outset/inset) border, or a font other than the page's.
 */
export function controlLooks(scope: Locator): Promise<{ control: string; border: string; font: string; pageFont: string }[]> {
  return scope.evaluate((root) => {
    // The site's two fonts: its text font, and its code font (file tabs, paths, bodies).
    const pageFont = getComputedStyle(document.body).fontFamily;
    const probe = document.createElement("code");
    probe.style.fontFamily = "var(--font-mono)";
    document.body.append(probe);
    const codeFont = getComputedStyle(probe).fontFamily;
    probe.remove();
    return [...root.querySelectorAll<HTMLElement>("button, input:not([type=checkbox], [type=radio], [type=hidden]), select, textarea")]
      .filter((element) => !element.closest(".swagger-ui, .monaco-editor") && element.getClientRects().length > 0)
      .map((element) => {
        const style = getComputedStyle(element);
        return {
          control: `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 30)}"`,
          border: style.borderTopStyle,
          font: style.fontFamily,
          pageFont: style.fontFamily === codeFont ? codeFont : pageFont,
        };
      });
  });
}

/** Expects every control under `scope` to wear the site's look. */
export async function expectSiteControls(scope: Locator): Promise<void> {
  const looks = await controlLooks(scope);
  expect(looks.length).toBeGreaterThan(0);
  for (const look of looks) {
    expect(look.border, `${look.control}: the browser's bevelled default border`).not.toMatch(/outset|inset/);
    expect(look.font, `${look.control}: the page's font`).toBe(look.pageFont);
  }
}
