import type { WireRequest, WireResponse } from "../bridge/http.ts";
import type { Problem } from "./types.ts";
import type { TestResult } from "../testing/vitest-shim.ts";
import type { VendorWasmFile } from "./vendor-wasm.ts";

export type { TestResult };

/**
 * What an app worker loads before any app: the source text of the modules an app imports, by file name
 * (`fastapi-ts.js`, `zod.js`), and the WebAssembly binaries some of them instantiate (`sql-wasm.wasm`).
 */
export interface VendorSources {
  modules: Record<string, string>;
  wasm: Partial<Record<VendorWasmFile, ArrayBuffer>>;
}

/** Page → app worker, over the worker's MessagePort. */
export type RunnerRequest =
  | { type: "warm"; vendor: VendorSources }
  | { type: "run"; code: string }
  | { type: "test"; code: string }
  | { type: "fetch"; id: number; request: WireRequest }
  | { type: "ping"; id: number };

/** App worker → page. */
export type RunnerResponse =
  | { type: "ran"; ok: true; openapi: Record<string, unknown> | null; openapiUrl: string | null }
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
