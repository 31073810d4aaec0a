import { describe, expect, it } from "vitest";
import { BuildMemo } from "./build-memo.ts";

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe("BuildMemo", () => {
  it("finds a bundle by the exact files and compiler that made it", () => {
    const storage = memoryStorage();
    new BuildMemo(storage, "compiler-1").set({ "main.ts": "a", "util.ts": "b" }, "bundle-ab");
    // Another page (a new visit) reads what the first kept; the order of the files does not matter.
    const memo = new BuildMemo(storage, "compiler-1");
    expect(memo.get({ "util.ts": "b", "main.ts": "a" })).toBe("bundle-ab");
    expect(memo.get({ "main.ts": "a", "util.ts": "b!" })).toBeUndefined();
    expect(memo.get({ "main.ts": "a" })).toBeUndefined();
    expect(new BuildMemo(storage, "compiler-2").get({ "main.ts": "a", "util.ts": "b" })).toBeUndefined();
  });

  it("keeps only the most recent bundles, and none too large to share storage with drafts", () => {
    const storage = memoryStorage();
    const memo = new BuildMemo(storage, "c", 2);
    memo.set({ "main.ts": "1" }, "one");
    memo.set({ "main.ts": "2" }, "two");
    memo.get({ "main.ts": "1" });
    memo.set({ "main.ts": "1" }, "one again");
    memo.set({ "main.ts": "3" }, "three");
    expect(memo.get({ "main.ts": "2" })).toBeUndefined();
    expect(memo.get({ "main.ts": "1" })).toBe("one again");
    expect(memo.get({ "main.ts": "3" })).toBe("three");
    memo.set({ "main.ts": "big" }, "x".repeat(300 * 1024));
    expect(memo.get({ "main.ts": "big" })).toBeUndefined();
    expect(memo.get({ "main.ts": "3" })).toBe("three");
  });

  it("survives damaged or unwritable storage by building again", () => {
    const storage = memoryStorage();
    storage.map.set("fastapi-ts:builds", "{not json");
    const memo = new BuildMemo(storage, "c");
    expect(memo.get({ "main.ts": "a" })).toBeUndefined();
    const full = new BuildMemo({ getItem: () => null, setItem: () => { throw new DOMException("full", "QuotaExceededError"); }, removeItem: () => {} }, "c");
    expect(() => full.set({ "main.ts": "a" }, "code")).not.toThrow();
  });
});
