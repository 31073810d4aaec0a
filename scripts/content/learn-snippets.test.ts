// The code the Learn guide shows as files (a fence whose first line names the file: `// main.ts`, `# .env`) is run
// here as a reader would run it: written to a folder, type-checked with the tsconfig.json of "Setting Up a Project",
// and run with Node. Each page's behaviour is checked as the page describes it.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const learn = join(root, "tutorials", "learn");

/** The files a page shows: fences whose first line is a comment naming the file. */
export function pageFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, body] of markdown.matchAll(/^```\w+\n([\s\S]*?)^```$/gm)) {
    const label = /^(?:\/\/|#) ([\w.-]+\.(?:ts|json|env)|\.env)\n/.exec(body!);
    if (label) files.set(label[1]!, body!);
  }
  return files;
}

// Node runs .ts files by itself from 22.18; 22.12–22.17 need the flag (workers inherit it).
const stripTypes = (process.features as { typescript?: string | false }).typescript ? [] : ["--experimental-strip-types"];
const env = (extra: Record<string, string> = {}) => {
  const clean = { ...process.env, ...extra };
  delete clean.MY_NAME;
  delete clean.NODE_OPTIONS;
  return { ...clean, ...extra };
};
const node = (cwd: string, args: string[], extra: Record<string, string> = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [...stripTypes, ...args], { cwd, env: env(extra), encoding: "utf8", timeout: 60_000 });

let work = "";
const folder = (page: string) => join(work, page);

beforeAll(() => {
  // Outside the repository's node_modules (Node strips types only there), with the workspace's packages linked in.
  work = mkdtempSync(join(tmpdir(), "fastapi-ts-learn-"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module", private: true }));
  symlinkSync(join(root, "node_modules"), join(work, "node_modules"), "dir");
  for (const file of readdirSync(learn).filter((name) => name.endsWith(".md"))) {
    const files = pageFiles(readFileSync(join(learn, file), "utf8"));
    if (!files.size) continue;
    const dir = folder(file.replace(/\.md$/, ""));
    mkdirSync(dir);
    for (const [name, body] of files) writeFileSync(join(dir, name), body);
  }
  // The project's tsconfig.json, at the top, so that it covers every page's files.
  writeFileSync(join(work, "tsconfig.json"), readFileSync(join(folder("project-setup"), "tsconfig.json"), "utf8"));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the Learn guide's files", () => {
  test("every page that shows files has the ones this test runs", () => {
    expect(readdirSync(folder("project-setup")).sort()).toEqual(["main.ts", "tsconfig.json"]);
    expect(readdirSync(folder("environment-variables")).sort()).toEqual([".env", "main.ts", "settings.ts"]);
    expect(readdirSync(folder("async")).sort()).toEqual(["main.ts", "primes-worker.ts"]);
  });

  test("type-check with the tsconfig.json of Setting Up a Project", () => {
    const tsc = node(work, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "."]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 180_000);

  test("Setting Up a Project: the fastapi-ts command serves main.ts", async () => {
    const cli = spawn(process.execPath, [...stripTypes, join(root, "runtime", "src", "node", "bin.ts"), "run", "main.ts", "--host", "127.0.0.1", "--port", "0"], {
      cwd: folder("project-setup"),
      env: env(),
    });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        cli.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Server:\s+(http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        cli.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
        cli.on("exit", (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
      });
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ message: "Hello World" });
    } finally {
      cli.kill("SIGTERM");
    }
  }, 60_000);

  test("Environment Variables: main.ts reads MY_NAME, from the environment or from .env", () => {
    const dir = folder("environment-variables");
    expect(node(dir, ["main.ts"]).stdout).toBe("Hello World from Node\n");
    expect(node(dir, ["main.ts"], { MY_NAME: "Wade Wilson" }).stdout).toBe("Hello Wade Wilson from Node\n");
    expect(node(dir, ["--env-file=.env", "main.ts"]).stdout).toBe("Hello Wade Wilson from Node\n");
    expect(node(dir, ["--env-file=.env", "main.ts"], { MY_NAME: "Deadpool" }).stdout).toBe("Hello Deadpool from Node\n");
  }, 60_000);

  test("Environment Variables: settings.ts converts the strings, and stops on a wrong one", () => {
    const dir = folder("environment-variables");
    const print = ["--input-type=module", "-e", 'const { settings } = await import("./settings.ts"); console.log(JSON.stringify(settings));'];
    const good = node(dir, print, { PORT: "8080", DEBUG: "false", ADMIN_EMAIL: "wade@example.com" });
    expect(good.stderr).toBe("");
    expect(JSON.parse(good.stdout)).toEqual({ port: 8080, debug: false, admin_email: "wade@example.com" });
    const bad = node(dir, print, { PORT: "eighty", ADMIN_EMAIL: "wade@example.com" });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("port");
  }, 60_000);

  test("Concurrency: /ping answers while a worker thread counts primes for /primes", () => {
    const dir = folder("async");
    // Pings every 5 ms while the count runs; the count must not stop them.
    const driver = [
      'import { TestClient } from "fastapi-ts";',
      'const { app } = await import("./main.ts");',
      "const client = new TestClient(app);",
      "let counting = true, pings = 0;",
      'const count = client.get("/primes/1000000").then((r) => { counting = false; return r.json(); });',
      "while (counting) {",
      "  await new Promise((resolve) => setTimeout(resolve, 5));",
      '  if (counting && (await client.get("/ping")).status === 200) pings++;',
      "}",
      "console.log(JSON.stringify({ result: await count, pings }));",
    ].join("\n");
    // A file, not `-e`: the worker thread inherits Node's flags, and `--input-type` is not one for a file.
    writeFileSync(join(dir, "driver.mjs"), driver);
    const run = node(dir, ["driver.mjs"]);
    expect(run.stderr).toBe("");
    const { result, pings } = JSON.parse(run.stdout) as { result: unknown; pings: number };
    expect(result).toEqual({ limit: 1_000_000, primes: 78_498 });
    expect(pings).toBeGreaterThan(0);
  }, 60_000);
});
