// How long an editor waits after a keystroke before it runs the code again.
//
// The keystroke itself asks for a bundle at once (CompilerClient.prepare), on the compiler's thread, so the pause
// no longer comes before the bundle but beside it: what it holds back is only the fresh app worker and Swagger UI's
// update. Measured (edit → Swagger UI in Chromium on a 2-core machine, builds alternated; bench/README.md): with
// 100 ms and the bundle after the pause, 706 ms median under a load of 4–7; with 50 ms, the bundle at the
// keystroke and a warmed app worker (runtime-warmup.ts), 603 ms. Typing runs at 150–250 ms between
// keystrokes, so most keystrokes ask for a run either way; that costs no waiting, because a build that a newer
// keystroke overtakes is dropped rather than queued (CompilerClient) and its app never starts (WorkerExecutor).
// Bursts of input events (key repeat, an editor command's several edits) come closer than 50 ms and still
// make one run.

/** Milliseconds of quiet after an edit before the app re-runs. */
export const RERUN_DEBOUNCE_MS = 50;

/**
 * Calls `callback` once the page is idle, or after `timeoutMs` at the latest; where the browser has no
 * requestIdleCallback (Safari), after `fallbackMs`.
 */
export function whenIdle(callback: () => void, timeoutMs: number, fallbackMs = 0): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => callback(), { timeout: timeoutMs });
  else setTimeout(callback, fallbackMs);
}

/**
 * One call of `task` in the next animation frame, however often it is asked for before then.
 *
 * Perf: an editor reports every character of a burst of input (key repeat, keys sent faster than a frame) as its
 * own change, a millisecond or two apart. Starting a bundle for each (a copy of the files, a hash of them for the
 * build memo, a message to the compiler) cost ~2.5 ms of the page's thread per character, 150+ ms for a
 * 70-character burst; once per frame it costs one bundle start per ~16 ms.
 */
class FrameTask {
  readonly #task: () => void;
  #frame: number | undefined;

  constructor(task: () => void) {
    this.#task = task;
  }

  /** Asks for the task in the next frame (a later ask before then changes nothing). */
  schedule(): void {
    if (this.#frame !== undefined) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#task();
    });
  }

  /** Withdraws a scheduled call (its work is being done another way). */
  cancel(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }
}

/**
 * An editor's code run again once the typing pauses: each change starts the bundle of what was typed (at most once a
 * frame, see FrameTask) and restarts the pause; the run comes `pauseMs` after the last change.
 */
export class RerunOnPause {
  readonly #preparing: FrameTask;
  readonly #run: () => void;
  readonly #pauseMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `prepare` starts the bundle of the current files; `run` runs them. */
  constructor(prepare: () => void, run: () => void, pauseMs = RERUN_DEBOUNCE_MS) {
    this.#preparing = new FrameTask(prepare);
    this.#run = run;
    this.#pauseMs = pauseMs;
  }

  /** The files changed: bundle them soon, run them after the pause. */
  changed(): void {
    this.#preparing.schedule();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#run();
    }, this.#pauseMs);
  }

  /** Withdraws the pending bundle and run (the code runs now by other means, or no longer). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#preparing.cancel();
  }
}
