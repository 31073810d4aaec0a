import { afterEach, describe, expect, it, vi } from "vitest";
import { clearDraft, DraftWriter, loadDraft, projectKey, saveDraft } from "./drafts.ts";

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe("drafts", () => {
  const original = { "main.ts": "a" };
  it("keeps edits and forgets them when they return to the original", () => {
    const storage = memoryStorage();
    expect(loadDraft(storage, "p")).toBeUndefined();
    saveDraft(storage, "p", { "main.ts": "b" }, original);
    expect(loadDraft(storage, "p")).toEqual({ "main.ts": "b" });
    saveDraft(storage, "p", { "main.ts": "a" }, original);
    expect(loadDraft(storage, "p")).toBeUndefined();
  });

  it("ignores damaged drafts and clears on reset", () => {
    const storage = memoryStorage();
    storage.setItem("fastapi-ts:draft:p", "{not json");
    expect(loadDraft(storage, "p")).toBeUndefined();
    storage.setItem("fastapi-ts:draft:p", JSON.stringify({ files: { "main.ts": 3 } }));
    expect(loadDraft(storage, "p")).toBeUndefined();
    saveDraft(storage, "p", { "main.ts": "c" }, original);
    clearDraft(storage, "p");
    expect(storage.map.size).toBe(0);
  });

  it("keys a link's project stably, as before it was hashed in JavaScript (drafts made then still open)", () => {
    expect(projectKey("v1.abc")).toBe(projectKey("v1.abc"));
    expect(projectKey("v1.abc")).not.toBe(projectKey("v1.abd"));
    // The first 8 bytes of SHA-256("v1.abc"), as crypto.subtle.digest gave them.
    expect(projectKey("v1.abc")).toBe("80ab1d43ea4adc8c");
  });
});

describe("DraftWriter", () => {
  afterEach(() => vi.useRealTimers());
  function page() {
    const window = new EventTarget();
    const document = Object.assign(new EventTarget(), { visibilityState: "visible" });
    return { window, document };
  }

  it("writes once the typing pauses, not per keystroke", () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const writer = new DraftWriter(write, 150, page());
    for (let key = 0; key < 5; key++) {
      writer.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("writes a pending draft at once when the page is left or hidden, and only a pending one", () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const events = page();
    const writer = new DraftWriter(write, 150, events);
    events.window.dispatchEvent(new Event("pagehide"));
    expect(write).not.toHaveBeenCalled();
    writer.schedule();
    events.window.dispatchEvent(new Event("pagehide"));
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(write).toHaveBeenCalledTimes(1);

    writer.schedule();
    events.document.visibilityState = "hidden";
    events.document.dispatchEvent(new Event("visibilitychange"));
    expect(write).toHaveBeenCalledTimes(2);

    writer.schedule();
    writer.dispose();
    expect(write).toHaveBeenCalledTimes(3);
    writer.schedule();
    events.window.dispatchEvent(new Event("pagehide"));
    expect(write).toHaveBeenCalledTimes(3);
  });

  it("flushAll writes what every live writer holds, and forgets disposed ones", () => {
    vi.useFakeTimers();
    const first = vi.fn();
    const second = vi.fn();
    const a = new DraftWriter(first, 150, page());
    const b = new DraftWriter(second, 150, page());
    a.schedule();
    b.schedule();
    DraftWriter.flushAll();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
    b.dispose();
    b.schedule();
    DraftWriter.flushAll();
    expect(second).toHaveBeenCalledTimes(1);
    a.dispose();
  });
});
