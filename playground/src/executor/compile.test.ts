// The compiler's logic, driven by native esbuild (the same API as the wasm build the browser uses).
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { compileProject, linkBundle, resolveProjectPath, vendorModulesOf } from "./compile.ts";

const vendor = "https://site.example/vendor/";

describe("resolveProjectPath", () => {
  const files = { "main.ts": "", "routers/items.ts": "", "routers/index.ts": "", "models.mts": "" };
  it("follows TypeScript's conventions for relative imports", () => {
    expect(resolveProjectPath(files, "./routers/items", "main.ts")).toBe("routers/items.ts");
    expect(resolveProjectPath(files, "./routers/items.js", "main.ts")).toBe("routers/items.ts");
    expect(resolveProjectPath(files, "./routers", "main.ts")).toBe("routers/index.ts");
    expect(resolveProjectPath(files, "../models", "routers/items.ts")).toBe("models.mts");
    expect(resolveProjectPath(files, "./missing", "main.ts")).toBeUndefined();
  });
});

describe("compileProject", () => {
  it("bundles user files and points fastapi-ts and zod at the vendor modules", async () => {
    const result = await compileProject(esbuild, {
      "main.ts": 'import { FastAPI } from "fastapi-ts";\nimport { z } from "zod";\nimport { greet } from "./greet";\nexport const app = new FastAPI();\nexport const schema = z.string();\nexport const hi: string = greet("x");\n',
      "greet.ts": "export const greet = (name: string): string => `hi ${name}`;\n",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const code = linkBundle(result.code, (file) => vendor + file);
    expect(code).toContain('from "https://site.example/vendor/fastapi-ts.js"');
    expect(code).toContain('from "https://site.example/vendor/zod.js"');
    expect(code).not.toContain("fastapi-ts.invalid");
    expect(code).toContain("hi ${name}");
    expect(code).toContain("sourceMappingURL=data:application/json");
  });

  it("reports syntax errors with file, line and column", async () => {
    const result = await compileProject(esbuild, { "main.ts": "export const app = ;\n" });
    expect(result).toMatchObject({ ok: false, problems: [{ kind: "build", location: { file: "main.ts", line: 1, column: 20 } }] });
  });

  it("counts columns in characters, as the editor does, not in esbuild's UTF-8 bytes", async () => {
    const result = await compileProject(esbuild, { "main.ts": 'const greeting = "¡héllo 👋"; export const app = ;\n' });
    expect(result).toMatchObject({ ok: false, problems: [{ location: { file: "main.ts", line: 1, column: 'const greeting = "¡héllo 👋"; export const app = '.length + 1 } }] });
  });

  it("points at the file and line of an error in a module main.ts imports", async () => {
    const result = await compileProject(esbuild, {
      "main.ts": 'import { router } from "./routers/items.ts";\nexport const app = router;\n',
      "routers/items.ts": 'export const router = {\n  prefix: "/items"\n  tags: ["items"],\n};\n',
    });
    expect(result).toMatchObject({ ok: false, problems: [{ kind: "build", location: { file: "routers/items.ts", line: 3, column: 3, lineText: '  tags: ["items"],' } }] });
  });

  it("explains why an unknown package cannot be imported", async () => {
    const result = await compileProject(esbuild, { "main.ts": 'import express from "express";\nexport const app = express;\n' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/"express" cannot be imported here/);
    expect(result.problems[0]?.location).toMatchObject({ file: "main.ts", line: 1 });
  });

  it("names the missing file of a relative import", async () => {
    const result = await compileProject(esbuild, { "main.ts": 'import { x } from "./nope";\nexport const app = x;\n' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toContain('Cannot find "./nope"');
    expect(result.problems[0]?.location).toMatchObject({ file: "main.ts", line: 1, column: 19 });
  });

  it("lists the provided modules a bundle imports, so a worker is sent only those", async () => {
    const result = await compileProject(esbuild, {
      "main.ts": 'import { FastAPI } from "fastapi-ts";\nimport { SignJWT } from "jose";\nimport { z } from "zod";\nexport const app = new FastAPI();\nexport const t = [SignJWT, z];\n',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(vendorModulesOf(result.code).sort()).toEqual(["fastapi-ts.js", "jose.js", "zod.js"]);
  });
});
