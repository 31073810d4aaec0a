// The WebContainer executor against a fake WebContainer made of real parts (a temp directory, a real
// `node` process, a real loopback server), running the tutorials' own examples through the real
// bundler (native esbuild: the wasm build's API) and the real vendor modules.
import * as esbuild from "esbuild";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildVendorModules } from "../../../scripts/build-vendor.ts";
import type { ProjectCompiler } from "./compile-client.ts";
import { compileProject } from "./compile.ts";
import { CONTAINER_VENDOR } from "./container-files.ts";
import type { LogLevel, VendorSources } from "./runner-protocol.ts";
import { FakeWebContainer } from "./testing/fake-webcontainer.ts";
import type { Problem, ProjectFiles } from "./types.ts";
import { WebContainerExecutor } from "./webcontainer-executor.ts";

const examples = join(import.meta.dirname, "../../../tutorials/examples");
const example = async (name: string): Promise<ProjectFiles> => ({ "main.ts": await readFile(join(examples, name, "main.ts"), "utf8") });

/** The compiler the browser runs in a worker, driven by native esbuild (same API as esbuild-wasm). */
function nativeCompiler(): ProjectCompiler {
  let latest = 0;
  return {
    async build(files) {
      const id = ++latest;
      const result = await compileProject(esbuild, files);
      return id === latest ? result : "stale";
    },
    buildEntry: (files, entry) => compileProject(esbuild, files, entry),
    prepare() {},
    warm() {},
    dispose() {},
  };
}

let vendorDir: string;
let vendor: VendorSources;
beforeAll(async () => {
  vendorDir = await mkdtemp(join(tmpdir(), "container-vendor-"));
  await buildVendorModules(vendorDir);
  vendor = Object.fromEntries(await Promise.all(CONTAINER_VENDOR.map(async (file) => [file, await readFile(join(vendorDir, file), "utf8")])));
}, 60_000);
afterAll(() => rm(vendorDir, { recursive: true, force: true }));

describe("WebContainerExecutor", () => {
  let executor: WebContainerExecutor | undefined;
  let container: FakeWebContainer | undefined;
  let logs: { level: LogLevel; text: string }[];
  let crashes: Problem[];
  afterEach(() => executor?.dispose());

  function start(options: { startTimeoutMs?: number; pageOrigin?: string } = {}): WebContainerExecutor {
    logs = [];
    crashes = [];
    container = undefined;
    executor = new WebContainerExecutor({
      compiler: nativeCompiler(),
      vendor: async () => vendor,
      boot: async () => (container = await FakeWebContainer.boot()),
      onLog: (entry) => logs.push(entry),
      onCrash: (problem) => crashes.push(problem),
      ...options,
    });
    return executor;
  }

  it("opens real websockets to the server: the app's websocket paths are reported, and a message echoes", async () => {
    const wc = start();
    const result = await wc.run(await example("websockets/tutorial001"));
    expect(result).toMatchObject({ ok: true, websockets: ["/ws"] });
    const socket = wc.websocket("ws://playground.invalid/ws");
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve);
      socket.addEventListener("error", reject);
    });
    const answer = new Promise<string>((resolve) => socket.addEventListener("message", (event) => resolve(String((event as MessageEvent).data))));
    socket.send("hello");
    expect(await answer).toBe("Message text was: hello");
    socket.close(1000);
  });

  it("runs an example under node: OpenAPI from the server, requests answered, 422 bodies as FastAPI's", async () => {
    const wc = start();
    const result = await wc.run(await example("body/tutorial001"));
    expect(result).toMatchObject({ ok: true, openapiUrl: "/openapi.json" });
    if (!result.ok) return;
    expect(Object.keys(result.openapi?.paths as object)).toEqual(["/items/"]);

    // The origin is the page's; the executor rewrites it to the server's.
    const created = await wc.fetch(new Request("http://playground.invalid/items/", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"Foo","price":3.5}' }));
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ name: "Foo", description: null, price: 3.5, tax: null });

    const invalid = await wc.fetch(new Request("http://playground.invalid/items/", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"Foo"}' }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "price"], msg: "Field required", input: { name: "Foo" } }] });
  }, 60_000);

  it("replaces the app on a re-run after an edit, and the old server is gone", async () => {
    const wc = start();
    const files = await example("first_steps/tutorial001");
    expect((await wc.run(files)).ok).toBe(true);
    expect(await (await wc.fetch(new Request("http://x/"))).json()).toEqual({ message: "Hello World" });
    const first = container!.children[0]!;

    const edited = { "main.ts": files["main.ts"]!.replace("Hello World", "Hello again") + '\napp.get("/extra", async function extra() { return 1; });\n' };
    const rerun = await wc.run(edited);
    expect(rerun.ok && Object.keys(rerun.openapi?.paths as object)).toEqual(["/", "/extra"]);
    expect(await (await wc.fetch(new Request("http://x/"))).json()).toEqual({ message: "Hello again" });
    expect(container!.children).toHaveLength(2);
    expect(first.exitCode !== null || first.signalCode !== null).toBe(true);
  }, 60_000);

  it("turns a crash while the app starts into a Problem with the error and its stack", async () => {
    const wc = start();
    const result = await wc.run({ "main.ts": 'import { FastAPI } from "fastapi-ts";\nexport const app = new FastAPI();\nthrow new Error("database unreachable");\n' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ kind: "runtime", message: "Error: database unreachable" });
    // Source maps are on: the stack names the user's file.
    expect(result.problems[0]!.stack).toContain("main.ts:3");
    await expect(wc.fetch(new Request("http://x/"))).rejects.toThrow("not running");
  }, 60_000);

  it("reports a bundling error without starting node, and a server that never listens as a timeout", async () => {
    const wc = start({ startTimeoutMs: 1500 });
    const broken = await wc.run({ "main.ts": "export const app = ;\n" });
    expect(broken).toMatchObject({ ok: false, problems: [{ kind: "build", location: { file: "main.ts", line: 1 } }] });
    expect(container?.children ?? []).toHaveLength(0);

    const stuck = await wc.run({ "main.ts": 'import { FastAPI } from "fastapi-ts";\nexport const app = new FastAPI();\nawait new Promise(() => setInterval(() => {}, 1000));\n' });
    expect(stuck).toMatchObject({ ok: false, problems: [{ kind: "timeout" }] });
  }, 60_000);

  it("sends the app's console output to onLog, with its level", async () => {
    const wc = start();
    const files = { "main.ts": 'import { FastAPI } from "fastapi-ts";\nexport const app = new FastAPI();\nconsole.log("starting", { n: 1 });\napp.get("/", async function root() { console.warn("root was called"); return {}; });\n' };
    expect((await wc.run(files)).ok).toBe(true);
    await wc.fetch(new Request("http://x/"));
    await expect.poll(() => logs).toContainEqual({ level: "warn", text: "root was called" });
    expect(logs).toContainEqual({ level: "log", text: "starting { n: 1 }" });
  }, 60_000);

  it("lets the page, on another origin than the container's server, call the app (CORS) and nobody else", async () => {
    const page = "http://playground.test";
    const wc = start({ pageOrigin: page });
    expect((await wc.run(await example("body/tutorial001"))).ok).toBe(true);
    const preflight = await wc.fetch(new Request("http://x/items/", { method: "OPTIONS", headers: { origin: page, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(page);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");

    const fromPage = await wc.fetch(new Request("http://x/items/", { method: "POST", headers: { origin: page, "content-type": "application/json" }, body: "{}" }));
    expect(fromPage.status).toBe(422);
    expect(fromPage.headers.get("access-control-allow-origin")).toBe(page);
    const fromElsewhere = await wc.fetch(new Request("http://x/openapi.json", { headers: { origin: "http://evil.test" } }));
    expect(fromElsewhere.headers.get("access-control-allow-origin")).toBeNull();
  }, 60_000);

  it("tells onCrash when the server dies after it started, and not when a re-run replaces it", async () => {
    const wc = start();
    const files = { "main.ts": 'import { FastAPI } from "fastapi-ts";\nexport const app = new FastAPI();\napp.get("/boom", async function boom() { setTimeout(() => { throw new Error("late failure"); }); return "ok"; });\n' };
    expect((await wc.run(files)).ok).toBe(true);
    expect((await wc.run(files)).ok).toBe(true);
    expect(crashes).toEqual([]);
    expect(await (await wc.fetch(new Request("http://x/boom"))).json()).toBe("ok");
    await expect.poll(() => crashes).toHaveLength(1);
    expect(crashes[0]).toMatchObject({ kind: "runtime", message: "The app's server stopped (exit code 1)." });
    expect(crashes[0]!.stack).toContain("Error: late failure");
    await expect(wc.fetch(new Request("http://x/boom"))).rejects.toThrow("not running");
  }, 60_000);

  it("dispose kills the server process", async () => {
    const wc = start();
    expect((await wc.run(await example("first_steps/tutorial001"))).ok).toBe(true);
    const child = container!.children[0]!;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    wc.dispose();
    await exited;
    await expect(wc.fetch(new Request("http://x/"))).rejects.toThrow("not running");
    // A disposed executor boots nothing again, and says its run is superseded (no problems to show).
    expect(await wc.run(await example("first_steps/tutorial001"))).toEqual({ ok: false, problems: [], stale: true });
    expect(container!.children).toHaveLength(1);
  }, 60_000);
});
