// The initial-JavaScript measurement: which files a page starts with, and what they import statically.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { entryScripts, measurePage, staticImports } from "./measure-js.ts";

describe("entryScripts", () => {
  test("module preloads, script sources and SvelteKit's inline imports", () => {
    const html = `<link href="../_app/a.js" rel="modulepreload"><link rel="stylesheet" href="x.css">
      <script type="module" src="/b.js"></script>
      <script>Promise.all([import("../_app/start.js"), import("../_app/app.js")]).then(() => {});</script>`;
    expect(entryScripts(html)).toEqual(["../_app/a.js", "/b.js", "../_app/start.js", "../_app/app.js"]);
  });
});

describe("staticImports", () => {
  test("static imports and re-exports count; dynamic imports and bare packages do not", () => {
    const code = `import{a as b}from"./one.js";import"./two.js";export{c}from"../three.js";export*from"./four.js";
      const lazy=()=>import("./lazy.js");import x from "pkg";`;
    expect(staticImports(code)).toEqual(["./one.js", "./two.js", "../three.js", "./four.js"]);
  });
});

describe("measurePage", () => {
  test("follows the page's scripts through their static imports and sums gzip sizes", () => {
    const dir = mkdtempSync(join(tmpdir(), "measure-js-"));
    mkdirSync(join(dir, "_app"));
    mkdirSync(join(dir, "tutorial"));
    const files: Record<string, string> = {
      "_app/start.js": `import{x}from"./shared.js";const l=()=>import("./lazy.js");`,
      "_app/shared.js": `export const x=${JSON.stringify("s".repeat(500))};`,
      "_app/lazy.js": `export const big=${JSON.stringify("z".repeat(5000))};`,
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    writeFileSync(join(dir, "tutorial/page.html"), '<script>import("../_app/start.js")</script>');

    const weight = measurePage(dir, join(dir, "tutorial/page.html"));
    expect(weight.page).toBe("/tutorial/page");
    expect(weight.files.map((file) => file.file).sort()).toEqual(["_app/shared.js", "_app/start.js"]);
    const expected = ["_app/start.js", "_app/shared.js"].reduce((sum, path) => sum + gzipSync(files[path]!, { level: 9 }).length, 0);
    expect(weight.gzip).toBe(expected);
    expect(weight.bytes).toBe(files["_app/start.js"]!.length + files["_app/shared.js"]!.length);
  });
});
