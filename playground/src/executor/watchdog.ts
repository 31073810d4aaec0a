// How the executors tell a stuck app from a slow page: the watchdog pings the app and waits a
// bounded time for the answer.

/**
 * Resolves true if `answered` settles within `timeoutMs`, else false. A timer that fires late means
 * this thread was stalled (a long task on the page, a starved machine) and the answer may be queued
 * behind the timer: then it gets `graceMs` more before the app is called stuck. On a page that was
 * not stalled, an app that does not answer is reported after `timeoutMs`.
 */
export function answeredWithin(answered: Promise<unknown>, timeoutMs: number, graceMs = 250): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    void answered.then(() => finish(true));
    const started = performance.now();
    let timer = setTimeout(() => {
      const late = performance.now() - started - timeoutMs;
      if (late < graceMs) finish(false);
      else timer = setTimeout(() => finish(false), graceMs);
    }, timeoutMs);
  });
}
