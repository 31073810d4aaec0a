import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReaderPause, readerActivity, relayReaderBusy } from "../../site/lib/offline/reader-busy.ts";

describe("the offline copy waits for a busy reader", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("the page tells the worker when the reader types or clicks, at most once per interval, until stopped", () => {
    const target = new EventTarget();
    const tell = vi.fn();
    const stop = relayReaderBusy(readerActivity(target), tell, 250);
    target.dispatchEvent(new Event("keydown"));
    target.dispatchEvent(new Event("input"));
    target.dispatchEvent(new Event("pointerdown"));
    expect(tell).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    target.dispatchEvent(new Event("input"));
    expect(tell).toHaveBeenCalledTimes(2);
    // Reading (scrolling) is not work the copy competes with.
    vi.advanceTimersByTime(250);
    target.dispatchEvent(new Event("scroll"));
    expect(tell).toHaveBeenCalledTimes(2);
    stop();
    target.dispatchEvent(new Event("keydown"));
    expect(tell).toHaveBeenCalledTimes(2);
  });

  it("the worker saves nothing more until the reader has been still for the pause; each keystroke restarts it", async () => {
    const pause = new ReaderPause(1500);
    const settled = vi.fn();
    await pause.settled(); // never busy: at once
    pause.busy();
    void pause.settled().then(settled);
    await vi.advanceTimersByTimeAsync(1000);
    pause.busy();
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(settled).toHaveBeenCalledTimes(1);
  });
});
