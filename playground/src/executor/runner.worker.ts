// The app worker: imports one bundled project, then answers requests with its `app.fetch`.
// A fresh worker runs each version of the code, so nothing leaks from one run to the next,
// and a runaway app can be terminated without touching the page.
import { responseToWire, wireToRequest } from "../bridge/http.ts";
import type { RunnerRequest, RunnerResponse } from "./runner-protocol.ts";
import type { Problem } from "./types.ts";

interface FetchApp {
  fetch(request: Request): Promise<Response> | Response;
  openapi?: () => Record<string, unknown>;
}

let app: FetchApp | undefined;
const post = (message: RunnerResponse, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

function toProblem(error: unknown, kind: Problem["kind"] = "runtime"): Problem {
  if (error instanceof Error) return { kind, message: `${error.name}: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) };
  return { kind, message: String(error) };
}

function isFetchApp(value: unknown): value is FetchApp {
  return typeof value === "object" && value !== null && typeof (value as FetchApp).fetch === "function";
}

async function run(code: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  try {
    const module = (await import(/* @vite-ignore */ url)) as { app?: unknown; default?: unknown };
    const candidate = module.app ?? module.default;
    if (!isFetchApp(candidate)) {
      post({ type: "ran", ok: false, problem: { kind: "runtime", message: "main.ts must export the application: `export const app = new FastAPI();`" } });
      return;
    }
    app = candidate;
    const openapi = typeof app.openapi === "function" ? app.openapi() : null;
    post({ type: "ran", ok: true, openapi });
  } catch (error) {
    post({ type: "ran", ok: false, problem: toProblem(error) });
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function answer(id: number, request: RunnerRequest & { type: "fetch" }): Promise<void> {
  if (!app) {
    post({ type: "fetch-failed", id, problem: { kind: "runtime", message: "The app is not running" } });
    return;
  }
  try {
    const response = await app.fetch(wireToRequest(request.request));
    const wire = await responseToWire(response);
    post({ type: "fetched", id, response: wire }, [wire.body]);
  } catch (error) {
    post({ type: "fetch-failed", id, problem: toProblem(error) });
  }
}

self.onmessage = (event: MessageEvent<RunnerRequest>) => {
  const message = event.data;
  switch (message.type) {
    case "warm":
      // Load the runtime and zod before the code arrives, so a run pays only for the user's module.
      for (const url of message.vendorUrls) import(/* @vite-ignore */ url).catch(() => undefined);
      break;
    case "run":
      void run(message.code);
      break;
    case "fetch":
      void answer(message.id, message);
      break;
    case "ping":
      post({ type: "pong", id: message.id });
      break;
  }
};

