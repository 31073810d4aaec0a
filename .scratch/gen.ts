import * as esbuild from "esbuild";
import { Worker } from "node:worker_threads";
import { readFileSync, readdirSync } from "node:fs";
import { compileProject, linkBundle, vendorModulesOf } from "/work/wt-live/playground/src/executor/compile.ts";
const vendorDir = "/work/wt-live/static/vendor/";
const dataUrl = (s: string) => "data:text/javascript;base64," + Buffer.from(s).toString("base64");
const urls: Record<string,string> = {};
urls["zod.js"] = dataUrl(readFileSync(vendorDir + "zod.js", "utf8"));
for (const f of ["fastapi-ts.js", "jose.js", "bcryptjs.js", "sql-js.js"]) urls[f] = dataUrl(linkBundle(readFileSync(vendorDir + f, "utf8"), (d) => urls[d] ?? d));
const srcShared = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", async ({ id, url, wasm }) => {
  try {
    globalThis[Symbol.for("fastapi-ts.vendor-wasm")] = { ...globalThis[Symbol.for("fastapi-ts.vendor-wasm")], ...wasm };
    const m = await import(url);
    const app = m.app ?? m.default;
    if (typeof app.startup === "function") await app.startup();
    const openapi = typeof app.openapi === "function" ? app.openapi() : null;
    parentPort.postMessage({ id, ok: true, openapi: JSON.stringify(openapi) });
  } catch (e) { parentPort.postMessage({ id, ok: false, error: String(e && e.stack || e) }); }
});`;
const src = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  try {
    globalThis[Symbol.for("fastapi-ts.vendor-wasm")] = workerData.wasm;
    const m = await import(workerData.url);
    const app = m.app ?? m.default;
    if (typeof app.startup === "function") await app.startup();
    const openapi = typeof app.openapi === "function" ? app.openapi() : null;
    parentPort.postMessage({ ok: true, openapi: JSON.stringify(openapi) });
  } catch (e) { parentPort.postMessage({ ok: false, error: String(e && e.stack || e) }); }
})();`;
const wasm = { "sql-wasm.wasm": readFileSync(vendorDir + "sql-wasm.wasm").buffer };
const names: string[] = [];
for (const t of readdirSync("/work/wt-live/tutorials/examples")) for (const n of readdirSync("/work/wt-live/tutorials/examples/" + t)) names.push(t + "/" + n);
const t0 = performance.now(); let ids = 0; const out: Record<string, string> = {};
const shared = process.env.FRESH ? [] : [new Worker(srcShared, { eval: true }), new Worker(srcShared, { eval: true })];
let fails = 0;
async function one(name: string) {
  const dir = "/work/wt-live/tutorials/examples/" + name + "/";
  const files: Record<string,string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith(".ts") && !f.endsWith(".test.ts")) files[f] = readFileSync(dir + f, "utf8");
  const tb = performance.now(); const built = await compileProject(esbuild, files); const tb2 = performance.now();
  if (!built.ok) { console.log("nobuild", name); return; }
  const url = dataUrl(linkBundle(built.code, (d) => urls[d] ?? d));
  const wd = { url, wasm: vendorModulesOf(built.code).includes("sql-js.js") ? wasm : {} };
  let r: any;
  if (process.env.FRESH) { const w = new Worker(src, { eval: true, workerData: wd });
  r = await new Promise((res) => w.once("message", res));
  await w.terminate(); } else {
    const w = shared[name.length % 2]!; const id = ++ids;
    r = await new Promise((res) => { const on = (m: any) => { if (m.id === id) { w.off("message", on); res(m); } }; w.on("message", on); w.postMessage({ id, ...wd }); });
  }
  out[name] = r.openapi; const te = performance.now(); if (te - tb > 300) console.log(name, "build", Math.round(tb2 - tb), "run", Math.round(te - tb2));
  if (!r.ok) { fails++; console.log(name, r.error.slice(0, 200)); }
}
const queue = process.env.ONLY ? names.slice(0, 40) : [...names];
await Promise.all([0, 1].map(async () => { while (queue.length) await one(queue.shift()!); }));
(await import("node:fs")).writeFileSync(process.env.FRESH ? "/tmp/live-proto/fresh.json" : "/tmp/live-proto/shared.json", JSON.stringify(out)); for (const w of shared) await w.terminate();
console.log(names.length, "examples", Math.round(performance.now() - t0), "ms", fails, "fails");
