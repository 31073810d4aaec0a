// How long an editor waits after a keystroke before it runs the code again.
//
// Measured (npm run bench:playground; bench/README.md): after the pause, a re-run takes ~150 ms on a 2-core machine
// (bundle with esbuild-wasm ~65 ms, a fresh app worker ~40 ms, Swagger UI given the new document ~50 ms), and
// Monaco takes ~60 ms to apply an inserted line before the pause starts. For edit → docs within ~400 ms, the pause
// can be no longer than ~100 ms. Typing runs at 150–250 ms between keystrokes, so most keystrokes then ask for a
// build; that costs no waiting, because a build that a newer keystroke overtakes is dropped rather than queued
// (CompilerClient) and its app never starts (WorkerExecutor), and it runs off the main thread.

/** Milliseconds of quiet after an edit before the app re-runs. */
export const RERUN_DEBOUNCE_MS = 100;

/**
 * Calls `callback` once the page is idle, or after `timeoutMs` at the latest; where the browser has no
 * requestIdleCallback (Safari), after `fallbackMs`.
 */
export function whenIdle(callback: () => void, timeoutMs: number, fallbackMs = 0): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => callback(), { timeout: timeoutMs });
  else setTimeout(callback, fallbackMs);
}
