// The offline copy steps aside while the reader works: saving tens of megabytes into the cache took a third of a
// 2-core machine's CPU, and an edit in the playground waited ~300 ms longer for its docs while it ran (median over
// the benchmark's edits: 764 ms against 483 ms with no service worker). The page tells the installing worker when
// the reader types or clicks; the worker fetches no new file until the reader has been still for a moment. Before the
// copy starts, the same activity holds it back (offline.svelte.ts).
import type { ActivitySource } from "./quiet.ts";

/** How long after the reader's last keystroke or click the service worker waits before it saves more files. */
export const READER_PAUSE_MS = 1500;
/** The page tells the worker at most this often while the reader keeps typing. */
export const BUSY_MESSAGE_EVERY_MS = 250;

/** What a busy reader does, as the page sees it. */
const BUSY_EVENTS = ["keydown", "input", "pointerdown"] as const;

/** The reader typing or clicking in `target` (the page's window), as an activity source (quiet.ts). */
export function readerActivity(target: Pick<EventTarget, "addEventListener" | "removeEventListener">): ActivitySource {
  return (onActivity) => {
    const listener = () => onActivity();
    for (const type of BUSY_EVENTS) target.addEventListener(type, listener, { capture: true, passive: true });
    return () => {
      for (const type of BUSY_EVENTS) target.removeEventListener(type, listener, { capture: true });
    };
  };
}

/** Calls `tell` on the reader's `activity`, at most once per `everyMs`; returns a function that stops listening. */
export function relayReaderBusy(activity: ActivitySource, tell: () => void, everyMs = BUSY_MESSAGE_EVERY_MS, now = () => Date.now()): () => void {
  let last = -Infinity;
  return activity(() => {
    if (now() - last < everyMs) return;
    last = now();
    tell();
  });
}

/** The worker's side: `busy()` when the page says so; `settled()` resolves once the reader has paused long enough. */
export class ReaderPause {
  #until = 0;
  readonly #pauseMs: number;
  readonly #now: () => number;

  constructor(pauseMs = READER_PAUSE_MS, now = () => Date.now()) {
    this.#pauseMs = pauseMs;
    this.#now = now;
  }

  /** The reader typed or clicked just now. */
  busy(): void {
    this.#until = this.#now() + this.#pauseMs;
  }

  /** Resolves once `pauseMs` have passed since the last `busy()` (at once if they have). */
  async settled(): Promise<void> {
    for (let left = this.#until - this.#now(); left > 0; left = this.#until - this.#now()) {
      await new Promise((resolve) => setTimeout(resolve, left));
    }
  }
}
