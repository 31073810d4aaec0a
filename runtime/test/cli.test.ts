import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../src/node/cli.ts", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempApp(source: string): Promise<string> {
  const dir = await mkdtemp(join(here, ".tmp-cli-"));
  dirs.push(dir);
  const file = join(dir, "main.ts");
  await writeFile(file, source);
  return file;
}

const appSource = (message: string) => `import { FastAPI } from "fastapi-ts";
export const app = new FastAPI();
app.get("/", async function root() { return { message: ${JSON.stringify(message)} }; });
app.get("/slow", async function slow() { await new Promise((r) => setTimeout(r, 400)); return { slow: true }; });
`;

function start(args: string[]): { child: ChildProcess; output: () => string; waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => { out += d.toString(); });
  child.stderr!.on("data", (d: Buffer) => { out += d.toString(); });
  const waitFor = (re: RegExp, ms = 15000) => new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(re);
      if (m) { clearInterval(timer); clearTimeout(limit); resolve(m); }
    }, 20);
    const limit = setTimeout(() => { clearInterval(timer); reject(new Error(`timed out waiting for ${re}; output:\n${out}`)); }, ms);
  });
  return { child, output: () => out, waitFor };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("fastapi-ts CLI", () => {
  it("runs an app file, prints its URLs, and finishes in-flight requests on SIGTERM", async () => {
    const file = await tempApp(appSource("Hello World"));
    const p = start(["run", file, "--host", "127.0.0.1", "--port", "0"]);
    const [, url] = await p.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
    expect(p.output()).toContain(`Docs:   ${url}/docs`);
    expect(await (await fetch(`${url}/`)).json()).toEqual({ message: "Hello World" });
    const docs = await fetch(`${url}/docs`);
    expect(await docs.text()).toContain("/_fastapi-ts/assets/swagger-ui-bundle.js");
    expect((await fetch(`${url}/_fastapi-ts/assets/swagger-ui-bundle.js`)).status).toBe(200);
    const slow = fetch(`${url}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    p.child.kill("SIGTERM");
    expect(await slow).toEqual({ slow: true });
    expect(await exited(p.child)).toBe(0);
  }, 30000);

  it("reloads on change in dev mode", async () => {
    const file = await tempApp(appSource("before"));
    const port = await freePort();
    const p = start(["dev", file, "--port", String(port)]);
    await p.waitFor(/Server: http:\/\/127\.0\.0\.1:\d+/);
    const url = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${url}/`)).json()).toEqual({ message: "before" });
    await writeFile(file, appSource("after"));
    let body: unknown;
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        body = await (await fetch(`${url}/`)).json();
        if ((body as { message: string }).message === "after") break;
      } catch { /* restarting */ }
    }
    expect(body).toEqual({ message: "after" });
    p.child.kill("SIGINT");
    expect(await exited(p.child)).not.toBeNull();
  }, 30000);

  it("explains what it needs when the app is missing", async () => {
    const file = await tempApp("export const notAnApp = 1;\n");
    const p = start(["run", file, "--port", "0"]);
    expect(await exited(p.child)).toBe(1);
    expect(p.output()).toContain("Could not find a FastAPI app");
  }, 30000);
});
