import type { WireRequest, WireResponse } from "../bridge/http.ts";
import type { Problem } from "./types.ts";

/** Page → app worker. */
export type RunnerRequest =
  | { type: "warm"; vendorUrls: string[] }
  | { type: "run"; code: string }
  | { type: "fetch"; id: number; request: WireRequest }
  | { type: "ping"; id: number };

/** App worker → page. */
export type RunnerResponse =
  | { type: "ran"; ok: true; openapi: Record<string, unknown> | null }
  | { type: "ran"; ok: false; problem: Problem }
  | { type: "fetched"; id: number; response: WireResponse }
  | { type: "fetch-failed"; id: number; problem: Problem }
  | { type: "pong"; id: number }
  | { type: "log"; level: "log" | "info" | "warn" | "error" | "debug"; text: string };
