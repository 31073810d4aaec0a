// The app worker: loads the runtime and zod from source text it is given, imports one bundled
// project, then answers requests with its `app.fetch`. It runs inside the sandbox frame's opaque
// origin (see sandbox.ts), so the app cannot read the site's storage or act as the site. A fresh
// worker runs each version of the code, and a runaway app is terminated without touching the page.
import { responseToWire, wireToRequest } from "../bridge/http.ts";
import { linkBundle } from "./compile.ts";
import { ModuleNames, PROJECT_MODULE } from "./module-names.ts";
import type { LogLevel, RunnerRequest, RunnerResponse, TestResult, WorkerVendor } from "./runner-protocol.ts";
import { isWebSocketApp, serveWebSocket, type WebSocketRuntime } from "./runner-websocket.ts";
import { warmRuntime } from "./runtime-warmup.ts";
import { explainMissingWebCrypto } from "./secure-context.ts";
import type { Problem } from "./types.ts";
import { registerVendorWasm } from "./vendor-wasm.ts";

interface FetchApp {
  fetch(request: Request): Promise<Response> | Response;
  openapi?: () => Record<string, unknown>;
  openapiUrl?: string | null;
  websocketRoutes?: { path: string }[];
  startup?: () => Promise<void>;
}

// Over plain http, code that needs WebCrypto says so instead of failing on an undefined crypto.subtle.
explainMissingWebCrypto();

let port: MessagePort | undefined;
let app: FetchApp | undefined;
let vendorUrls: Promise<Record<string, string>> | undefined;
/** Whether code of the reader's (an app or tests) was handed to this worker: the warm-up is for a worker still waiting. */
let given = false;
/** The warm-up app, while it runs: the reader's code waits for it (it is short) rather than running beside it. */
let warming: Promise<void> = Promise.resolve();

const post = (message: RunnerResponse, transfer: Transferable[] = []) => port?.postMessage(message, transfer);
// Stacks leave the worker with module names, not blob URLs, so that the page can map them (stack.ts).
const modules = new ModuleNames();
const moduleUrl = (code: string, name: string) => modules.add(URL.createObjectURL(new Blob([code], { type: "text/javascript" })), name);

function toProblem(error: unknown, kind: Problem["kind"] = "runtime"): Problem {
  if (error instanceof Error) return { kind, message: `${error.name}: ${error.message}`, ...(error.stack ? { stack: modules.rename(error.stack) } : {}) };
  return { kind, message: String(error) };
}

function isFetchApp(value: unknown): value is FetchApp {
  return typeof value === "object" && value !== null && typeof (value as FetchApp).fetch === "function";
}

/**
 * Adds vendor modules to `urls`: zod first, then the modules that import it, so the app and the
 * runtime share one zod. Modules are linked here and evaluated when something imports them.
 */
function linkVendor(urls: Record<string, string>, { modules, wasm }: WorkerVendor): Record<string, string> {
  registerVendorWasm(wasm);
  if (modules["zod.js"] !== undefined) urls["zod.js"] = moduleUrl(modules["zod.js"], "zod.js");
  for (const [file, source] of Object.entries(modules)) {
    if (file !== "zod.js") urls[file] = moduleUrl(linkBundle(source, (dep) => urls[dep] ?? dep), file);
  }
  return urls;
}

/** Links and evaluates zod and the runtime, which every app imports, before any app arrives. */
async function loadVendor(vendor: WorkerVendor): Promise<Record<string, string>> {
  const urls = linkVendor({}, vendor);
  await Promise.all([urls["zod.js"], urls["fastapi-ts.js"]].map((url) => import(/* @vite-ignore */ url!)));
  return urls;
}

/** Runs our warm-up app (runtime-warmup.ts) once the runtime is loaded, unless the reader's code came first. */
function warmUp(urls: Record<string, string>): void {
  setTimeout(() => {
    if (given) return;
    warming = Promise.all([import(/* @vite-ignore */ urls["fastapi-ts.js"]!), import(/* @vite-ignore */ urls["zod.js"]!)])
      .then(async ([runtime, zod]) => void (await warmRuntime(runtime, zod)))
      // A warm-up that fails costs only the time it saves: the reader's app runs as it would have.
      .catch(() => {});
  }, 0);
}

async function run(code: string): Promise<void> {
  try {
    if (!vendorUrls) throw new Error("The runtime was not loaded");
    const urls = await vendorUrls;
    await warming;
    const url = moduleUrl(linkBundle(code, (file) => urls[file] ?? file), PROJECT_MODULE);
    const module = (await import(/* @vite-ignore */ url)) as { app?: unknown; default?: unknown };
    const candidate = module.app ?? module.default;
    if (!isFetchApp(candidate)) {
      post({ type: "ran", ok: false, problem: { kind: "runtime", message: "main.ts must export the application: `export const app = new FastAPI();`" } });
      return;
    }
    app = candidate;
    // Run the app's lifespan start (startup handlers, the code before a lifespan's yield), as a server would.
    // The worker is terminated, not shut down, when the next version replaces it.
    if (typeof app.startup === "function") await app.startup();
    const openapi = typeof app.openapi === "function" ? app.openapi() : null;
    const openapiUrl = app.openapiUrl === undefined ? "/openapi.json" : app.openapiUrl;
    const websockets = (app.websocketRoutes ?? []).map((route) => route.path);
    post({ type: "ran", ok: true, openapi, openapiUrl, websockets });
  } catch (error) {
    post({ type: "ran", ok: false, problem: toProblem(error) });
  }
}

/** Imports a bundled main.test.ts (it registers its tests with vendor/vitest.js), then runs them. */
async function runTests(code: string): Promise<void> {
  try {
    if (!vendorUrls) throw new Error("The runtime was not loaded");
    const urls = await vendorUrls;
    await warming;
    const vitest = (await import(/* @vite-ignore */ urls["vitest.js"]!)) as { runRegisteredTests(): Promise<TestResult[]> };
    await import(/* @vite-ignore */ moduleUrl(linkBundle(code, (file) => urls[file] ?? file), PROJECT_MODULE));
    const results = await vitest.runRegisteredTests();
    // A failure's stack leaves with module names, like a crash's, for the page to map.
    for (const result of results) if (result.error?.stack) result.error.stack = modules.rename(result.error.stack);
    post({ type: "tested", results });
  } catch (error) {
    post({ type: "test-failed", problem: toProblem(error) });
  }
}

async function answer(message: RunnerRequest & { type: "fetch" }): Promise<void> {
  if (!app) {
    post({ type: "fetch-failed", id: message.id, problem: { kind: "runtime", message: "The app is not running" } });
    return;
  }
  try {
    const response = await app.fetch(wireToRequest(message.request));
    const wire = await responseToWire(response);
    post({ type: "fetched", id: message.id, response: wire }, [wire.body]);
  } catch (error) {
    post({ type: "fetch-failed", id: message.id, problem: toProblem(error) });
  }
}

async function openWebSocket(message: RunnerRequest & { type: "websocket" }): Promise<void> {
  if (!app || !isWebSocketApp(app) || !vendorUrls) {
    message.port.postMessage({ type: "close", code: 1006, reason: "The app is not running" });
    message.port.close();
    return;
  }
  const runtime = (await import(/* @vite-ignore */ (await vendorUrls)["fastapi-ts.js"]!)) as WebSocketRuntime;
  await serveWebSocket(app, runtime, message);
}

function format(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

// The app's console output goes to the page's log pane (and still to the devtools console).
for (const level of ["log", "info", "warn", "error", "debug"] as const satisfies LogLevel[]) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    post({ type: "log", level, text: modules.rename(args.map(format).join(" ")) });
    original(...args);
  };
}

function receive(event: MessageEvent<RunnerRequest>): void {
  const message = event.data;
  switch (message.type) {
    case "warm":
      vendorUrls = loadVendor(message.vendor);
      vendorUrls.then(
        (urls) => {
          post({ type: "warmed" });
          warmUp(urls);
        },
        (error: unknown) => post({ type: "log", level: "error", text: `The runtime did not load: ${format(error)}` }),
      );
      break;
    case "vendor":
      vendorUrls = vendorUrls?.then((urls) => linkVendor(urls, message.vendor));
      break;
    case "run":
      given = true;
      void run(message.code);
      break;
    case "test":
      given = true;
      void runTests(message.code);
      break;
    case "fetch":
      void answer(message);
      break;
    case "websocket":
      void openWebSocket(message);
      break;
    case "ping":
      post({ type: "pong", id: message.id });
      break;
  }
}

self.onmessage = (event: MessageEvent) => {
  if ((event.data as { type?: string })?.type !== "connect" || !event.ports[0]) return;
  port = event.ports[0];
  port.onmessage = receive;
  self.onmessage = null;
};
