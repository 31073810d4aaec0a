import { readFile } from "node:fs/promises";
import { chromium, expect, test } from "@playwright/test";
import { chromiumExecutable, testChromiumArgs } from "./chromium.ts";

// The flags of e2e/chromium.ts, checked on the Chromium the tests launch.

const features = (args: string[], name: string): string[][] =>
  args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3).split(",").filter(Boolean));

test("our --disable-features keeps every feature Playwright disables (Chromium honours only the last switch)", async () => {
  // The command line Playwright really starts Chromium with: its own switches, then ours.
  const server = await chromium.launchServer({ executablePath: chromiumExecutable(), args: [...testChromiumArgs] });
  try {
    const args = (await readFile(`/proc/${server.process().pid}/cmdline`, "utf8")).split("\0");
    const switches = features(args, "disable-features");
    expect(switches.length).toBeGreaterThan(1);
    const honoured = switches.at(-1)!;
    for (const earlier of switches.slice(0, -1)) for (const feature of earlier) expect(honoured, `${feature} is disabled by an earlier switch only`).toContain(feature);
    expect(honoured).toContain("WebUIOmniboxPopup");
  } finally {
    await server.close();
  }
});

test("Chromium starts no address-bar popup pages beside the pages under test", async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/");
  await page.waitForTimeout(1000);
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send("Target.getTargets");
  expect(targetInfos.filter((t) => t.url.includes("omnibox")).map((t) => t.url)).toEqual([]);
  await page.close();
});
