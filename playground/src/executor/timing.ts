// How long an editor waits after a keystroke before it runs the code again.
//
// Measured (npm run bench:playground, bench/playground.md): a re-run after an edit (bundle with esbuild-wasm, a
// fresh app worker, Swagger UI updated in place) takes about 100–200 ms on a 2-core machine. Typing runs at
// 150–250 ms between keystrokes, and a build that a newer keystroke overtakes is dropped rather than queued
// (CompilerClient), so a short pause is enough: the reader sees the docs follow within the ~400 ms that feels live.

/** Milliseconds of quiet after an edit before the app re-runs. */
export const RERUN_DEBOUNCE_MS = 150;

/**
 * Calls `callback` once the page is idle, or after `timeoutMs` at the latest; where the browser has no
 * requestIdleCallback (Safari), after `fallbackMs`.
 */
export function whenIdle(callback: () => void, timeoutMs: number, fallbackMs = 0): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => callback(), { timeout: timeoutMs });
  else setTimeout(callback, fallbackMs);
}
