import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../src/node/bin.ts", import.meta.url));

const here = fileURLToPath(new URL(".", import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempApp(source: string, name = "main.ts"): Promise<string> {
  const dir = await mkdtemp(join(here, ".tmp-cli-"));
  dirs.push(dir);
  const file = join(dir, name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, source);
  return file;
}

const appSource = (message: string) => `import { FastAPI } from "fastapi-ts";
export const app = new FastAPI();
app.get("/", async function root() { return { message: ${JSON.stringify(message)} }; });
app.get("/slow", async function slow() { await new Promise((r) => setTimeout(r, 400)); return { slow: true }; });
`;

function start(args: string[], cwd?: string): { child: ChildProcess; output: () => string; waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"], cwd });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => { out += d.toString(); });
  child.stderr!.on("data", (d: Buffer) => { out += d.toString(); });
  // Generous: in CI these start Node on TypeScript sources beside the end-to-end tests, several times slower than alone.
  const waitFor = (re: RegExp, ms = 40_000) => new Promise<RegExpMatchArray>((resolve, reject) => {
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
    const url = (await p.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    // The Docs line is a separate write: under load it can arrive in a later chunk than the Server line.
    await p.waitFor(new RegExp(`Docs: {3}${url.replace(/\./g, "\\.")}/docs`));
    expect(await (await fetch(`${url}/`)).json()).toEqual({ message: "Hello World" });
    const docs = await fetch(`${url}/docs`);
    expect(await docs.text()).toContain("/_fastapi-ts/assets/swagger-ui-bundle.js");
    expect((await fetch(`${url}/_fastapi-ts/assets/swagger-ui-bundle.js`)).status).toBe(200);
    const slow = fetch(`${url}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    p.child.kill("SIGTERM");
    expect(await slow).toEqual({ slow: true });
    expect(await exited(p.child)).toBe(0);
  }, 60000);

  it("reloads on change in dev mode", async () => {
    const file = await tempApp(appSource("before"));
    const port = await freePort();
    const p = start(["dev", file, "--port", String(port)]);
    await p.waitFor(/Server: http:\/\/127\.0\.0\.1:\d+/);
    const url = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${url}/`)).json()).toEqual({ message: "before" });
    // Node's --watch starts watching a file once the child reports having loaded it, through IPC: on a loaded
    // machine that can come after a write made the moment the server answers, and that write goes unseen. The edit
    // is made again each second until the app answers with it (a reader's next save does the same).
    let body: unknown;
    for (let i = 0; i < 400; i++) {
      if (i % 10 === 0) await writeFile(file, appSource("after"));
      await new Promise((r) => setTimeout(r, 100));
      try {
        body = await (await fetch(`${url}/`)).json();
        if ((body as { message: string }).message === "after") break;
      } catch { /* restarting */ }
    }
    expect(body).toEqual({ message: "after" });
    p.child.kill("SIGINT");
    expect(await exited(p.child)).not.toBeNull();
  }, 60000);

  it("explains what it needs when the app is missing", async () => {
    const file = await tempApp("export const notAnApp = 1;\n");
    const p = start(["run", file, "--port", "0"]);
    expect(await exited(p.child)).toBe(1);
    expect(p.output()).toContain("Could not find a FastAPI app");
  }, 60000);
  it("finds main.ts, app.ts, app/main.ts… when no file is given, as fastapi does", async () => {
    const file = await tempApp(appSource("from app/main.ts"), "app/main.ts");
    const p = start(["run", "--host", "127.0.0.1", "--port", "0"], dirname(dirname(file)));
    const [, url] = await p.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
    expect(p.output()).toContain(`serving ${file}`);
    expect(await (await fetch(`${url}/`)).json()).toEqual({ message: "from app/main.ts" });
    p.child.kill("SIGTERM");
    expect(await exited(p.child)).toBe(0);
    const none = start(["run", "--port", "0"], here);
    expect(await exited(none.child)).toBe(1);
    expect(none.output()).toContain("No file given, and none of main.ts, app.ts, api.ts, app/main.ts");
  }, 60000);

  it("reports a syntax error in the user's file with its file, line and column", async () => {
    const file = await tempApp('import { FastAPI } from "fastapi-ts";\nexport const app = new FastAPI();\napp.get("/", async function root() {\n  return { ok: true ;\n});\n');
    const p = start(["run", file, "--port", "0"]);
    expect(await exited(p.child)).toBe(1);
    const out = p.output().trim();
    expect(out.split("\n")[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/^.*\.tmp-cli-/, ".*\\.tmp-cli-")}:4:21: SyntaxError: Expected ',', got ';'$`));
    expect(out).toContain("  return { ok: true ;\n                    ^");
    // A JavaScript file: Node's error has no location; the CLI finds it.
    const js = await tempApp("export const app = 1;\nconst x = {;\n", "main.js");
    const q = start(["run", js, "--port", "0"]);
    expect(await exited(q.child)).toBe(1);
    expect(q.output()).toMatch(/main\.js:2:12: SyntaxError: Unexpected token ';'/);
  }, 60000);

  it("names the apps when a module exports several and none is `app`", async () => {
    const file = await tempApp('import { FastAPI } from "fastapi-ts";\nexport const publicApi = new FastAPI();\nexport const adminApi = new FastAPI();\n');
    const p = start(["run", file, "--port", "0"]);
    expect(await exited(p.child)).toBe(1);
    expect(p.output()).toContain("exports 2 FastAPI apps (`adminApi`, `publicApi`): choose one with --app adminApi");
    const q = start(["run", file, "--app", "nope", "--port", "0"]);
    expect(await exited(q.child)).toBe(1);
    expect(q.output()).toContain("exports no FastAPI app named 'nope' (it exports `adminApi`, `publicApi`)");
  }, 60000);

  it("passes --root-path, --proxy-headers and --forwarded-allow-ips to the server", async () => {
    const file = await tempApp(`import { FastAPI, Request } from "fastapi-ts";
export const app = new FastAPI();
app.get("/where", { params: { request: Request } }, async function where({ request }) {
  return { scheme: request.url.protocol, client: request.client?.host ?? null, root: request.rootPath };
});
`);
    const forwarded = { "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" };
    const trusting = start(["run", file, "--host", "127.0.0.1", "--port", "0", "--root-path", "/api/v1", "--forwarded-allow-ips", "127.0.0.1, 10.0.0.1"]);
    const [, url] = await trusting.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
    expect(await (await fetch(`${url}/where`, { headers: forwarded })).json()).toEqual({ scheme: "https:", client: "203.0.113.7", root: "/api/v1" });
    trusting.child.kill("SIGTERM");
    const ignoring = start(["run", file, "--host", "127.0.0.1", "--port", "0", "--no-proxy-headers"]);
    const [, url2] = await ignoring.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
    expect(await (await fetch(`${url2}/where`, { headers: forwarded })).json()).toEqual({ scheme: "http:", client: "127.0.0.1", root: "" });
    ignoring.child.kill("SIGTERM");
    const untrusted = start(["run", file, "--host", "127.0.0.1", "--port", "0", "--forwarded-allow-ips", "10.0.0.1"]);
    const [, url3] = await untrusted.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
    expect(await (await fetch(`${url3}/where`, { headers: forwarded })).json()).toEqual({ scheme: "http:", client: "127.0.0.1", root: "" });
    untrusted.child.kill("SIGTERM");
    await Promise.all([trusting, ignoring, untrusted].map((p) => exited(p.child)));
  }, 60000);

  it("serves with --workers N processes, replaces a worker that dies, and stops them all on SIGTERM", async () => {
    const file = await tempApp(`import { FastAPI } from "fastapi-ts";
export const app = new FastAPI();
app.get("/pid", async function pid() { return { pid: process.pid }; });
app.get("/slow", async function slow() { await new Promise((r) => setTimeout(r, 400)); return { slow: process.pid }; });
`);
    const p = start(["run", file, "--host", "127.0.0.1", "--port", "0", "--workers", "2"]);
    const [, url] = await p.waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
    expect(p.output()).toContain("(2 workers)");
    // A new connection per request: the primary hands connections to the workers in turn.
    const pids = async (n: number) => {
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) seen.add(((await (await fetch(`${url}/pid`, { headers: { connection: "close" } })).json()) as { pid: number }).pid);
      return seen;
    };
    const first = await pids(8);
    expect(first.size).toBe(2);
    expect(first.has(p.child.pid!)).toBe(false);
    const victim = [...first][0]!;
    process.kill(victim, "SIGKILL");
    await p.waitFor(new RegExp(`worker ${victim} exited \\(SIGKILL\\); starting another`));
    let after = new Set<number>();
    for (let i = 0; i < 50 && after.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await pids(4);
    }
    expect(after.size).toBe(2);
    expect(after.has(victim)).toBe(false);
    const slow = fetch(`${url}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    p.child.kill("SIGTERM");
    expect(await slow).toEqual({ slow: expect.any(Number) });
    expect(await exited(p.child)).toBe(0);
    expect(p.output()).toContain("stopping 2 worker(s)");
  }, 60000);

  it("gives up, with the reason, when the workers cannot start", async () => {
    const file = await tempApp('throw new Error("database unreachable");\n');
    const p = start(["run", file, "--port", "0", "--workers", "2"]);
    expect(await exited(p.child)).toBe(1);
    expect(p.output()).toContain("Error: database unreachable");
    expect(p.output()).toContain("the workers could not start (last exit: code 1); stopping");
  }, 60000);

  it("prints its version and Node's with --version", async () => {
    const p = start(["--version"]);
    expect(await exited(p.child)).toBe(0);
    expect(p.output().trim()).toBe(`fastapi-ts 0.1.0 (Node.js ${process.version})`);
  }, 60000);

  it("refuses options that do not fit the command, with the reason", async () => {
    const p = start(["dev", "main.ts", "--workers", "2"]);
    expect(await exited(p.child)).toBe(1);
    expect(p.output()).toContain("--workers applies to `fastapi-ts run` only");
    const q = start(["run", "main.ts", "--workers", "two"]);
    expect(await exited(q.child)).toBe(1);
    expect(q.output()).toContain("--workers must be a whole number ≥ 1, got 'two'");
  }, 60000);
});
