import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { compileProject, linkBundle } from "/work/wt-live/playground/src/executor/compile.ts";
const vendorDir = "/work/wt-live/static/vendor/";
const dataUrl = (s: string) => "data:text/javascript;base64," + Buffer.from(s).toString("base64");
const urls: Record<string,string> = {};
let t = performance.now();
const lap = (what: string) => { const n = performance.now(); console.log(what, Math.round(n - t)); t = n; };
import { mkdtempSync, writeFileSync } from "node:fs"; import { pathToFileURL } from "node:url"; import { tmpdir } from "node:os";
const dir = mkdtempSync(tmpdir() + "/vendor-");
for (const f of ["zod.js", "fastapi-ts.js"]) { writeFileSync(dir + "/" + f, linkBundle(readFileSync(vendorDir + f, "utf8"), (d) => "./" + d)); urls[f] = pathToFileURL(dir + "/" + f).href; }
await import(urls["zod.js"]); lap("zod");
await import(urls["fastapi-ts.js"]); lap("runtime");
for (const name of ["body/tutorial001", "first_steps/tutorial001", "body/tutorial002", "body/tutorial001"]) {
  const files = { "main.ts": readFileSync(`/work/wt-live/tutorials/examples/${name}/main.ts`, "utf8") };
  const built = await compileProject(esbuild, files); lap("build " + name + " " + built.code.length);
  const url = dataUrl(linkBundle((built as any).code + "\n//" + Math.random(), (d) => urls[d] ?? d));
  const m = await import(url); lap("import");
  const doc = m.app.openapi(); lap("openapi");
  JSON.stringify(doc); lap("json");
}
