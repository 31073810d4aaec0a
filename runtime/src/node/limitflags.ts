/**
 * The CLI options of the server's limits (uvicorn's names), for the CLI's option table, and their reading into
 * {@link ServerLimits}.
 * @packageDocumentation
 */
import { CliError } from "./app-loader.ts";
import type { ServerLimits } from "./server.ts";

/** The limit options, in the shape of the CLI's option table. */
export const LIMIT_OPTIONS = {
  "timeout-graceful-shutdown": { type: "string", arg: "S", help: "seconds in-flight requests get on shutdown before their connections are cut (default 5)" },
  "timeout-keep-alive": { type: "string", arg: "S", help: "seconds an idle keep-alive connection stays open (default 5)" },
  "timeout-headers": { type: "string", arg: "S", help: "seconds a client has to send its request head (default 60)" },
  "timeout-request": { type: "string", arg: "S", help: "seconds a client has to send its whole request (default 300)" },
  "max-header-size": { type: "string", arg: "BYTES", help: "largest request head; larger get 431 (default 16384)" },
  "ws-max-size": { type: "string", arg: "BYTES", help: "largest websocket message; larger close the socket with 1009 (default 16777216)" },
  "ws-max-queue": { type: "string", arg: "N", help: "websocket messages held for the app before reading pauses (default 32)" },
} as const;

const keys: Record<keyof typeof LIMIT_OPTIONS, keyof ServerLimits> = {
  "timeout-graceful-shutdown": "timeoutGracefulShutdown",
  "timeout-keep-alive": "timeoutKeepAlive",
  "timeout-headers": "timeoutHeaders",
  "timeout-request": "timeoutRequest",
  "max-header-size": "maxHeaderSize",
  "ws-max-size": "wsMaxSize",
  "ws-max-queue": "wsMaxQueue",
};

/** Reads the limit options that were given; a value that is not a non-negative number is a {@link CliError}. */
export function limitOptions(values: Partial<Record<string, unknown>>): ServerLimits {
  const out: Partial<Record<keyof ServerLimits, number>> = {};
  for (const [flag, key] of Object.entries(keys)) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(n) || n < 0) throw new CliError(`--${flag} needs a non-negative number, got '${String(raw)}'`);
    out[key] = n;
  }
  return out;
}
