// Playground benchmark (not a test): in headless Chromium against the built site, measures
//   1. page load → the first example's Swagger UI rendered (target ≤ 1.5 s),
//   2. edit → Swagger UI updated (target: median ≤ 150 ms after the edit debounce),
//   3. the JavaScript the playground ships before the editor loads (from the build's measurement).
// Run: npm run build && node scripts/bench-playground.ts [--runs 7]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { chromiumExecutable } from "../e2e/chromium.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "7" }, port: { type: "string", default: "4499" } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const server = spawn(process.execPath, [join(root, "scripts/serve.ts"), "--port", values.port], { stdio: ["ignore", "pipe", "inherit"] });
await once(server.stdout!, "data");
const base = `http://127.0.0.1:${values.port}`;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] });

try {
  const loads: number[] = [];
  const edits: number[] = [];
  const pipelines: number[] = [];
  const milestones: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    // A fresh context each time: a first visit, with nothing cached.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/playground`);
    await page.locator('[data-testid="swagger-pane"] .opblock').first().waitFor({ timeout: 60_000 });
    loads.push(await page.evaluate(() => performance.now()));
    // Where the load went: navigation timing and the playground's own marks (Playground.svelte).
    const marks = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      const found: Record<string, number> = { "html received": navigation?.responseEnd ?? NaN, "DOM content loaded": navigation?.domContentLoadedEventEnd ?? NaN };
      const prefix = "playground:";
      for (const entry of performance.getEntriesByType("mark")) if (entry.name.startsWith(prefix)) found[entry.name.slice(prefix.length)] = entry.startTime;
      return found;
    });
    for (const [name, at] of Object.entries(marks)) (milestones[name] ??= []).push(at);

    await page.locator('[data-testid="code-editor"][data-loaded="true"]').waitFor({ timeout: 60_000 });
    await page.locator(".view-lines").click();
    for (let edit = 0; edit < 3; edit++) {
      await page.keyboard.press("ControlOrMeta+End");
      const path = `/bench-${run}-${edit}`;
      const started = await page.evaluate(() => performance.now());
      await page.keyboard.insertText(`\napp.get("${path}", async function bench_${run}_${edit}() { return {}; });\n`);
      await page.locator('[data-testid="swagger-pane"] .opblock-summary-path', { hasText: path }).waitFor({ timeout: 60_000 });
      const ended = await page.evaluate(() => performance.now());
      // The first edit also starts esbuild-wasm; the rest are what a reader typing feels.
      if (edit > 0) {
        edits.push(ended - started);
        const status = (await page.getByTestId("run-status").textContent()) ?? "";
        const ms = /(\d+) ms/.exec(status)?.[1];
        if (ms) pipelines.push(Number(ms));
      }
    }
    await context.close();
  }
  const row = (name: string, xs: number[], target: string) => `| ${name} | ${Math.round(median(xs))} ms | ${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms | ${xs.length} | ${target} |`;
  console.log(`Playground benchmark: Chromium ${browser.version()}, Node ${process.version}, ${runs} runs`);
  console.log("| measure | median | range | samples | target |\n|---|--:|--:|--:|---|");
  console.log(row("page load → Swagger UI rendered", loads, "≤ 1500 ms"));
  const order = Object.entries(milestones).sort(([, a], [, b]) => median(a) - median(b));
  for (const [name, at] of order) console.log(row(`  … ${name}`, at, ""));
  console.log(row("edit → Swagger UI updated (incl. 300 ms debounce)", edits, "—"));
  console.log(row("edit → app re-run (bundle + fresh worker, after debounce)", pipelines, "≤ 150 ms"));
  console.log("Initial JavaScript of /playground before the editor loads: see the build's 'Initial JavaScript per page' table (npm run build).");
} finally {
  await browser.close();
  server.kill();
}
