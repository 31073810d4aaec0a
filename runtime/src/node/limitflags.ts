/**
 * The CLI flags of the server's limits (uvicorn's names): declared for `parseArgs`, read into {@link ServerLimits},
 * and passed on to the child process `fastapi-ts dev` restarts.
 * @packageDocumentation
 */
import type { ServerLimits } from "./server.ts";

const flags = {
  "timeout-graceful-shutdown": "timeoutGracefulShutdown",
  "timeout-keep-alive": "timeoutKeepAlive",
  "timeout-headers": "timeoutHeaders",
  "timeout-request": "timeoutRequest",
  "max-header-size": "maxHeaderSize",
  "ws-max-size": "wsMaxSize",
  "ws-max-queue": "wsMaxQueue",
} as const satisfies Record<string, keyof ServerLimits>;

type Flag = keyof typeof flags;

/** The flags, as `parseArgs` options. */
export const limitFlags = Object.fromEntries(Object.keys(flags).map((f) => [f, { type: "string" }])) as Record<Flag, { type: "string" }>;

/** Usage lines for the flags. */
export const limitUsage = `  --timeout-graceful-shutdown S  seconds in-flight requests get on shutdown before they are cut (default 5)
  --timeout-keep-alive S         seconds an idle keep-alive connection stays open (default 5)
  --timeout-headers S            seconds a client has to send its headers (default 60)
  --timeout-request S            seconds a client has to send its whole request (default 300)
  --max-header-size BYTES        largest request head, larger get 431 (default 16384)
  --ws-max-size BYTES            largest websocket message, larger close with 1009 (default 16777216)
  --ws-max-queue N               websocket messages held for the app before reading pauses (default 32)`;

/** Reads the flags that were given; throws on a value that is not a non-negative number. */
export function limitOptions(values: Partial<Record<string, unknown>>): ServerLimits {
  const out: Record<string, number> = {};
  for (const [flag, key] of Object.entries(flags)) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(n) || n < 0) throw new Error(`--${flag} needs a non-negative number, got '${String(raw)}'`);
    out[key] = n;
  }
  return out as ServerLimits;
}

/** The given flags as arguments again (for the child process of `dev`). */
export function limitArgs(values: Partial<Record<string, unknown>>): string[] {
  return Object.keys(flags).flatMap((flag) => (typeof values[flag] === "string" ? [`--${flag}`, values[flag] as string] : []));
}
