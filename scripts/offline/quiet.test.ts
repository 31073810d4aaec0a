import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { anyActivity, whenQuiet, type ActivitySource } from "../../site/lib/offline/quiet.ts";

/** An activity source the test drives: `emit()` is a resource finishing. */
function source(): { source: ActivitySource; emit: () => void; subscribed: () => boolean } {
  let listener: (() => void) | undefined;
  return {
    source: (onActivity) => {
      listener = onActivity;
      return () => (listener = undefined);
    },
    emit: () => listener?.(),
    subscribed: () => listener !== undefined,
  };
}

describe("whenQuiet", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for a quiet spell: every load restarts the wait", () => {
    const activity = source();
    const callback = vi.fn();
    whenQuiet(activity.source, callback, 2000, 30_000);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(1500);
      activity.emit();
    }
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1999);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledOnce();
    expect(activity.subscribed()).toBe(false);
  });

  it("gives up waiting after maxMs on a page that never stops loading", () => {
    const activity = source();
    const callback = vi.fn();
    whenQuiet(activity.source, callback, 2000, 10_000);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(1000);
      activity.emit();
    }
    expect(callback).toHaveBeenCalledOnce();
  });

  it("does nothing once cancelled", () => {
    const activity = source();
    const callback = vi.fn();
    const cancel = whenQuiet(activity.source, callback, 2000, 10_000);
    cancel();
    vi.advanceTimersByTime(20_000);
    expect(callback).not.toHaveBeenCalled();
    expect(activity.subscribed()).toBe(false);
  });
});

describe("anyActivity", () => {
  it("reports the activity of every source, and stops them all", () => {
    const a = source();
    const b = source();
    const seen = vi.fn();
    const stop = anyActivity(a.source, b.source)(seen);
    a.emit();
    b.emit();
    expect(seen).toHaveBeenCalledTimes(2);
    stop();
    expect(a.subscribed() || b.subscribed()).toBe(false);
  });
});
