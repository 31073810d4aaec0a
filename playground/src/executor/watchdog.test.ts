import { describe, expect, it } from "vitest";
import { answeredWithin } from "./watchdog.ts";

/** Keeps this thread busy, as a long task on the page would. */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** An answer that arrives as a message from another port, the way a worker's pong does. */
function answerAfter(ms: number): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  const answered = new Promise<void>((resolve) => {
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
  });
  setTimeout(() => {
    port2.postMessage("pong");
    port2.close();
  }, ms);
  return answered;
}

describe("the watchdog's wait for an answer", () => {
  it("is true for an answer in time, false for none, after the timeout", async () => {
    expect(await answeredWithin(answerAfter(10), 200, 50)).toBe(true);
    const started = performance.now();
    expect(await answeredWithin(new Promise(() => {}), 100, 50)).toBe(false);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(1000);
  });

  it("does not call an app stuck because this thread was stalled past the timeout", async () => {
    // The answer is sent at 10 ms, but this thread is busy until 400 ms: the timeout (100 ms) and the
    // answer are both waiting when it is free again.
    const answer = answerAfter(10);
    const verdict = answeredWithin(answer, 100, 50);
    setTimeout(() => stall(400), 5);
    expect(await verdict).toBe(true);
  });
});
