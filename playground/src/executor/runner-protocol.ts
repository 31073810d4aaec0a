import type { WireRequest, WireResponse } from "../bridge/http.ts";
import type { Problem } from "./types.ts";
import type { TestResult } from "../testing/vitest-shim.ts";
import type { VendorWasmFile } from "./vendor-wasm.ts";

export type { TestResult };

/** Source text of the modules an app imports, by file name (`fastapi-ts.js`, `zod.js`). */
export type VendorSources = Record<string, string>;

/**
 * What an app worker loads before any app: the vendor modules' source text, and the WebAssembly
 * binaries some of them instantiate (`sql-wasm.wasm`).
 */
export interface WorkerVendor {
  modules: VendorSources;
  wasm: Partial<Record<VendorWasmFile, ArrayBuffer>>;
}

/** Page → app worker, over the worker's MessagePort. */
export type RunnerRequest =
  | { type: "warm"; vendor: WorkerVendor }
  /** More vendor modules, for a run or a test that imports libraries beyond zod and the runtime. */
  | { type: "vendor"; vendor: WorkerVendor }
  | { type: "run"; code: string }
  | { type: "test"; code: string }
  | { type: "fetch"; id: number; request: WireRequest }
  | { type: "ping"; id: number }
  /** Opens a websocket to the app; the socket's traffic then goes over `port` (see {@link SocketToApp}). */
  | { type: "websocket"; url: string; headers: [string, string][]; subprotocols: string[]; port: MessagePort };

/** Over a websocket's own port, page → app worker. */
export type SocketToApp = { type: "send"; data: string | ArrayBuffer } | { type: "close"; code: number; reason: string };

/** Over a websocket's own port, app worker → page. */
export type SocketFromApp =
  | { type: "open"; protocol: string }
  | { type: "message"; data: string | ArrayBuffer }
  | { type: "close"; code: number; reason: string };

/** App worker → page. */
export type RunnerResponse =
  | { type: "ran"; ok: true; openapi: Record<string, unknown> | null; openapiUrl: string | null; websockets: string[] }
  | { type: "ran"; ok: false; problem: Problem }
  | { type: "fetched"; id: number; response: WireResponse }
  | { type: "fetch-failed"; id: number; problem: Problem }
  | { type: "pong"; id: number }
  | { type: "warmed" }
  | { type: "tested"; results: TestResult[] }
  | { type: "test-failed"; problem: Problem }
  | { type: "log"; level: LogLevel; text: string };

export type LogLevel = "log" | "info" | "warn" | "error" | "debug";

/** The first message an app worker gets on `self`: the port all further traffic uses. */
export type RunnerConnect = { type: "connect" };
