// Live-example benchmark (not a test): in headless Chromium against the built site, with the machine's load
// recorded beside every number (the machine may be shared: read a number with the load it was taken under).
//   1. guide page: Run → the example's operations visible in Swagger UI, on a cold page (fresh browser
//      profile, the page just opened) and for a second example on the same page;
//   2. /playground: cold load (fresh profile) and a repeat visit (same profile, a new tab) → Swagger UI rendered,
//      the repeat visit both of the edited project (a kept draft, with the bundle kept from the first visit) and of an
//      unedited example;
//   3. edit in the playground → Swagger UI shows the new route (debounce included), and whether an operation
//      the reader expanded stays open;
//   4. a guide page reloaded with the network cut, after one visit: the page, then Run → operations.
// Medians over --runs fresh profiles. Run: npm run build && npm run bench:playground -- [--runs 5] [--port 0]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { chromiumArgs, chromiumExecutable } from "../e2e/chromium.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    // 0: any free port (the server says which).
    port: { type: "string", default: "0" },
    // Another build to measure (e.g. a copy of an older build/, for a before/after under the same load).
    dir: { type: "string", default: join(root, "build") },
    pages: { type: "string", default: "/tutorial/first-steps,/tutorial/body,/tutorial/dependencies,/tutorial/security/oauth2-jwt,/advanced/websockets" },
  },
});
const runs = Number(values.runs);
const guidePages = values.pages.split(",");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const server = spawn(process.execPath, [join(root, "scripts/serve.ts"), "--port", values.port, "--dir", values.dir], { stdio: ["ignore", "pipe", "inherit"] });
const [firstLine] = (await once(server.stdout!, "data")) as [Buffer];
const base = /http:\/\/[^\s/]+:\d+/.exec(firstLine.toString())?.[0];
if (!base) throw new Error(`the site server did not say where it listens: ${firstLine.toString()}`);
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...chromiumArgs, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
});

/** A measure's samples, and the machine's 1-minute load average when each was taken. */
class Measure {
  readonly samples: number[] = [];
  readonly loads: number[] = [];
  failures = 0;
  readonly name: string;
  readonly target: string;
  constructor(name: string, target: string) {
    this.name = name;
    this.target = target;
  }
  add(ms: number): void {
    this.samples.push(ms);
    this.loads.push(loadavg()[0]!);
  }
  row(): string {
    const xs = this.samples;
    const failed = this.failures ? ` (${this.failures} failed)` : "";
    if (!xs.length) return `| ${this.name} | — | — | 0${failed} | ${this.target} | — |`;
    const range = `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;
    return `| ${this.name} | ${Math.round(median(xs))} ms | ${range} | ${xs.length}${failed} | ${this.target} | ${median(this.loads).toFixed(2)} |`;
  }
}

const measures = {
  guideCold: new Measure("guide page, cold: Run → operations visible", "≤ 700 ms"),
  guideSecond: new Measure("guide page: a second example's Run → operations visible", "≤ 700 ms"),
  playgroundCold: new Measure("/playground cold load → Swagger UI rendered", "≤ 1500 ms"),
  playgroundRepeat: new Measure("/playground repeat visit, edited draft → Swagger UI rendered", "≤ 800 ms"),
  playgroundRepeatExample: new Measure("/playground repeat visit, unedited example → Swagger UI rendered", "≤ 800 ms"),
  edit: new Measure("edit → Swagger UI updated (debounce included)", "≤ 400 ms"),
  pipeline: new Measure("edit → app re-run (bundle + fresh worker, after debounce)", "—"),
  offlinePage: new Measure("guide page reloaded offline → Run button ready", "works"),
  offlineRun: new Measure("guide page offline: Run → operations visible", "works"),
};
const milestones: Record<string, number[]> = {};
let expandedKept = 0;
let expandedChecks = 0;

/**
 * Arms a watcher in the page: resolves, in ms, from the next click (or from now when `fromClick` is false)
 * to the first animation frame in which `selector` matches an element holding `text`.
 */
async function armWatch(page: Page, selector: string, text = "", fromClick = true): Promise<void> {
  await page.evaluate(
    ([selector, text, fromClick]) => {
      const w = window as unknown as { __benchWatch?: Promise<number> };
      w.__benchWatch = new Promise<number>((resolve) => {
        let from = fromClick ? undefined : performance.now();
        if (fromClick) addEventListener("click", () => (from ??= performance.now()), { capture: true, once: true });
        const tick = () => {
          const found = [...document.querySelectorAll(selector)].some((el) => el.textContent?.includes(text));
          if (from !== undefined && found) resolve(performance.now() - from);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    [selector, text, fromClick] as const,
  );
}

const watched = (page: Page, timeout = 60_000): Promise<number> =>
  Promise.race([
    page.evaluate(() => (window as unknown as { __benchWatch: Promise<number> }).__benchWatch),
    pause(timeout).then(() => {
      throw new Error(`not seen within ${timeout} ms`);
    }),
  ]);

/** Waits (up to `ms`) for the site's service worker, if it has one, to control the page and hold a complete offline copy. */
async function offlineReady(page: Page, ms = 90_000): Promise<boolean> {
  try {
    await page.locator("[data-offline-state]").waitFor({ state: "attached", timeout: 5000 });
    await page.waitForFunction(() => document.querySelector("[data-offline-state]")?.getAttribute("data-offline-state") === "ready", undefined, { timeout: ms });
    return true;
  } catch {
    return false;
  }
}

const example = (page: Page, name: string) => page.locator(`[data-testid="live-example"][data-example-name="${name}"]`);

async function exampleNames(page: Page): Promise<string[]> {
  await page.locator('[data-testid="live-example"] button').first().waitFor({ timeout: 60_000 });
  return page.locator('[data-testid="live-example"]').evaluateAll((els) => els.map((el) => el.getAttribute("data-example-name") ?? ""));
}

/** Clicks Run on `name` and returns ms from the click to its first operation in Swagger UI. */
async function runExample(page: Page, name: string): Promise<number> {
  await armWatch(page, `[data-testid="live-example"][data-example-name="${name}"] .opblock`);
  await example(page, name).getByRole("button", { name: /^Run/ }).click();
  return watched(page);
}

async function guideRun(context: BrowserContext, path: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  const names = await exampleNames(page);
  // A reader's pause between the page appearing and the click.
  await pause(1000);
  try {
    measures.guideCold.add(await runExample(page, names[0]!));
    if (names[1]) measures.guideSecond.add(await runExample(page, names[1]));
  } catch (error) {
    measures.guideCold.failures++;
    console.error(`${path}: ${String(error)}`);
  }
  await page.close();
}

async function playgroundLoad(context: BrowserContext, measure: Measure, hash = ""): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __benchWatch?: Promise<number> };
    w.__benchWatch = new Promise((resolve) => {
      const tick = () => (document.querySelector('[data-testid="swagger-pane"] .opblock') ? resolve(performance.now()) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
  });
  await page.goto(`${base}/playground${hash}`);
  measure.add(await watched(page));
  return page;
}

async function playgroundEdits(page: Page, run: number): Promise<void> {
  // The milestones after Swagger UI's first paint (the app's first run, which now comes after it) are read once the
  // editor, which loads after that run, is there.
  await page.locator('[data-testid="code-editor"][data-loaded="true"]').waitFor({ timeout: 60_000 });
  const marks = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const found: Record<string, number> = { "html received": navigation?.responseEnd ?? NaN, "DOM content loaded": navigation?.domContentLoadedEventEnd ?? NaN };
    const prefix = "playground:";
    for (const entry of performance.getEntriesByType("mark")) if (entry.name.startsWith(prefix)) found[entry.name.slice(prefix.length)] = entry.startTime;
    return found;
  });
  for (const [name, at] of Object.entries(marks)) (milestones[name] ??= []).push(at);

  // The reader opens GET / in Swagger UI: it must stay open across the edits.
  await page.locator('[data-testid="swagger-pane"] .opblock-summary').first().click();
  await page.locator('[data-testid="swagger-pane"] .opblock.is-open').first().waitFor();
  await page.locator(".view-lines").click();
  for (let edit = 0; edit < 4; edit++) {
    await page.keyboard.press("ControlOrMeta+End");
    const path = `/bench-${run}-${edit}`;
    await armWatch(page, '[data-testid="swagger-pane"] .opblock-summary-path', path, false);
    await page.keyboard.insertText(`\napp.get("${path}", async function bench_${run}_${edit}() { return {}; });\n`);
    const ms = await watched(page);
    // The first edit also starts esbuild-wasm; the rest are what a reader typing feels.
    if (edit === 0) continue;
    measures.edit.add(ms);
    const status = (await page.getByTestId("run-status").textContent()) ?? "";
    const pipeline = /(\d+) ms/.exec(status)?.[1];
    if (pipeline) measures.pipeline.add(Number(pipeline));
  }
  expandedChecks++;
  if (await page.locator('[data-testid="swagger-pane"] .opblock.is-open .opblock-summary-path', { hasText: /^\/$/ }).count()) expandedKept++;
}

async function offlineGuide(context: BrowserContext, page: Page, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await exampleNames(page);
  await context.setOffline(true);
  try {
    const started = Date.now();
    await page.reload({ timeout: 15_000 });
    const names = await exampleNames(page);
    measures.offlinePage.add(Date.now() - started);
    try {
      measures.offlineRun.add(await runExample(page, names[0]!));
    } catch (error) {
      measures.offlineRun.failures++;
      console.error(`offline run on ${path}: ${String(error).split("\n")[0]}`);
    }
  } catch (error) {
    measures.offlinePage.failures++;
    measures.offlineRun.failures++;
    console.error(`offline reload of ${path}: ${String(error).split("\n")[0]}`);
  } finally {
    await context.setOffline(false);
  }
}

const loadAtStart = loadavg();
const started = Date.now();
try {
  for (let run = 0; run < runs; run++) {
    // Guide pages: a fresh profile for each page, a first visit.
    for (const path of guidePages) {
      const context = await browser.newContext();
      await guideRun(context, path);
      await context.close();
    }
    // The playground: a first visit, then edits; then, once the offline copy is complete (where the site has
    // one), a repeat visit in a new tab and a guide page reloaded with the network cut.
    const context = await browser.newContext();
    const page = await playgroundLoad(context, measures.playgroundCold);
    await playgroundEdits(page, run);
    const ready = await offlineReady(page);
    if (!ready && run === 0) console.error("no complete offline copy (no service worker, or it did not finish): repeat visits use the HTTP cache");
    await page.close();
    // A repeat visit to an example the reader did not edit (its prebuilt bundle and docs, from the offline copy),
    // alone in the browser; then the edited project again (its kept draft).
    await (await playgroundLoad(context, measures.playgroundRepeatExample, "#example=body/tutorial001")).close();
    const again = await playgroundLoad(context, measures.playgroundRepeat);
    await offlineGuide(context, again, guidePages[run % guidePages.length]!);
    await context.close();
  }
  const loadAtEnd = loadavg();
  console.log(`Live-example benchmark: Chromium ${browser.version()}, Node ${process.version}, ${runs} runs, ${availableParallelism()} cores, ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`Load average (1/5/15 min): at start ${loadAtStart.map((l) => l.toFixed(2)).join(" / ")}, at end ${loadAtEnd.map((l) => l.toFixed(2)).join(" / ")}`);
  console.log("| measure | median | range | samples | target | load (1 min, median) |\n|---|--:|--:|--:|---|--:|");
  for (const measure of Object.values(measures)) console.log(measure.row());
  console.log(`| an edit keeps an expanded operation open | ${expandedKept} of ${expandedChecks} | | | yes | |`);
  console.log("\nWhere the playground's cold load goes (ms from navigation start, medians):");
  const order = Object.entries(milestones).sort(([, a], [, b]) => median(a) - median(b));
  for (const [name, at] of order) console.log(`  ${String(Math.round(median(at))).padStart(6)}  ${name}`);
  console.log("Initial JavaScript per page: see the build's 'Initial JavaScript per page' table (npm run build).");
} finally {
  await browser.close();
  server.kill();
}
