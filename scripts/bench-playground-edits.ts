// Edit → Swagger UI, A/B (a benchmark, not a test): builds of the site served side by side, a fresh Chromium
// profile per round and build, alternated, each a cold /playground and then back-to-back edits inserted as
// `npm run bench:playground` inserts them. Medians of the edits after the first (the first also starts
// esbuild-wasm: reported apart), with the machine's load at the start and the end.
//   npm run build && cp -r build /tmp/build-a   (then change something, build again into /tmp/build-b)
//   node scripts/bench-playground-edits.ts --rounds 5 /tmp/build-a /tmp/build-b
import { spawn } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumExecutable } from "../e2e/chromium.ts";

const { values, positionals: dirs } = parseArgs({ options: { rounds: { type: "string", default: "5" }, edits: { type: "string", default: "5" } }, allowPositionals: true });
if (!dirs.length) throw new Error("name one or more built sites (folders) to compare");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const servers = dirs.map((dir) => spawn(process.execPath, ["scripts/serve.ts", "--port", "0", "--dir", dir], { stdio: ["ignore", "pipe", "inherit"] }));
const bases: string[] = [];
for (const server of servers) {
  const [line] = (await once(server.stdout!, "data")) as [Buffer];
  bases.push(/http:\/\/[^\s/]+:\d+/.exec(line.toString())![0]);
}
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs] });
const first = dirs.map(() => [] as number[]);
const rest = dirs.map(() => [] as number[]);
const loadAtStart = loadavg()[0]!;
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [d, base] of bases.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/playground`);
      await page.locator('[data-testid="swagger-pane"] .opblock').first().waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="code-editor"][data-loaded="true"]').waitFor({ timeout: 60_000 });
      await page.locator(".view-lines").click();
      for (let edit = 0; edit < Number(values.edits); edit++) {
        await page.keyboard.press("ControlOrMeta+End");
        const path = `/ab-${round}-${edit}`;
        await page.evaluate((path) => {
          const w = window as unknown as { __seen: Promise<number> };
          const from = performance.now();
          w.__seen = new Promise((resolve) => {
            const tick = () =>
              [...document.querySelectorAll('[data-testid="swagger-pane"] .opblock-summary-path')].some((e) => e.textContent === path)
                ? resolve(performance.now() - from)
                : requestAnimationFrame(tick);
            requestAnimationFrame(tick);
          });
        }, path);
        await page.keyboard.insertText(`\napp.get("${path}", async function ab_${round}_${edit}() { return {}; });\n`);
        const ms = await page.evaluate(() => (window as unknown as { __seen: Promise<number> }).__seen);
        (edit === 0 ? first : rest)[d]!.push(ms);
      }
      await context.close();
    }
  }
  console.log(`load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`);
  console.log("| build | edit → Swagger UI (median, edits after the first) | samples | first edit (median) |\n|:--|--:|--:|--:|");
  for (const [d, dir] of dirs.entries()) console.log(`| ${dir} | ${Math.round(median(rest[d]!))} ms | ${rest[d]!.length} | ${Math.round(median(first[d]!))} ms |`);
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
