// When the page has stopped loading things: the offline copy (tens of MB, saved by the service worker) starts
// only then, so it never competes with what the reader is waiting for — a first visit's Run, Swagger UI's
// script, the playground's editor — on a shared connection and a busy CPU.

/** Subscribes to the page's loading activity (a resource finished); returns a function that unsubscribes. */
export type ActivitySource = (onActivity: () => void) => () => void;

/** The page's resource loads, from the Performance Timeline (each finished request is an entry). */
export const resourceActivity: ActivitySource = (onActivity) => {
  if (typeof PerformanceObserver !== "function" || !PerformanceObserver.supportedEntryTypes?.includes("resource")) return () => {};
  const observer = new PerformanceObserver(() => onActivity());
  observer.observe({ type: "resource" });
  return () => observer.disconnect();
};

/**
 * Calls `callback` once `quietMs` have passed with no activity from `source` (each activity restarts the wait),
 * but no later than `maxMs` after the call. Returns a function that cancels it.
 */
export function whenQuiet(source: ActivitySource, callback: () => void, quietMs: number, maxMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    stop();
    clearTimeout(timer);
    clearTimeout(limit);
    callback();
  };
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  };
  const limit = setTimeout(fire, maxMs);
  const stop = source(restart);
  restart();
  return () => {
    done = true;
    stop();
    clearTimeout(timer);
    clearTimeout(limit);
  };
}

/** Activity from any of `sources`. */
export function anyActivity(...sources: ActivitySource[]): ActivitySource {
  return (onActivity) => {
    const stops = sources.map((source) => source(onActivity));
    return () => {
      for (const stop of stops) stop();
    };
  };
}
