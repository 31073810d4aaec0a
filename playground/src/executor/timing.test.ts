import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RerunOnPause } from "./timing.ts";

describe("RerunOnPause", () => {
  let frames: (() => void)[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frames.push(callback));
    vi.stubGlobal("cancelAnimationFrame", (id: number) => (frames[id - 1] = () => {}));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const nextFrame = () => frames.splice(0).forEach((callback) => callback());

  it("bundles once a frame however many changes came, and runs once, the pause after the last change", () => {
    const prepared = vi.fn();
    const ran = vi.fn();
    const rerun = new RerunOnPause(prepared, ran, 50);
    for (let i = 0; i < 5; i++) rerun.changed();
    nextFrame();
    expect(prepared).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30);
    rerun.changed();
    vi.advanceTimersByTime(30);
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(ran).toHaveBeenCalledTimes(1);
    nextFrame();
    expect(prepared).toHaveBeenCalledTimes(2);
  });

  it("cancel withdraws both the pending bundle and the run", () => {
    const prepared = vi.fn();
    const ran = vi.fn();
    const rerun = new RerunOnPause(prepared, ran, 50);
    rerun.changed();
    rerun.cancel();
    nextFrame();
    vi.advanceTimersByTime(100);
    expect(prepared).not.toHaveBeenCalled();
    expect(ran).not.toHaveBeenCalled();
  });
});
