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

  it("keeps the documents a bundle's app served beside the bundle, and drops them with it", () => {
    const storage = memoryStorage();
    const memo = new BuildMemo(storage, "c", 1);
    const docs = { openapi: { openapi: "3.1.0", paths: { "/": {} } }, openapiUrl: "/openapi.json", websockets: ["/ws"] };
    // Only beside a kept bundle: documents of files built elsewhere (the site's prebuilt examples) are not kept.
    memo.setDocs({ "main.ts": "a" }, docs);
    expect(memo.getDocs({ "main.ts": "a" })).toBeUndefined();
    memo.set({ "main.ts": "a" }, "bundle-a");
    memo.setDocs({ "main.ts": "a" }, docs);
    expect(new BuildMemo(storage, "c", 1).getDocs({ "main.ts": "a" })).toEqual(docs);
    expect(memo.getDocs({ "main.ts": "a!" })).toBeUndefined();
    // A newer bundle pushes the older one out, and its documents with it.
    memo.set({ "main.ts": "b" }, "bundle-b");
    expect(memo.getDocs({ "main.ts": "a" })).toBeUndefined();
    expect([...storage.map.keys()].filter((key) => key.includes("docs"))).toEqual([]);
  });

  it("ignores kept documents that are damaged", () => {
    const storage = memoryStorage();
    const memo = new BuildMemo(storage, "c");
    memo.set({ "main.ts": "a" }, "bundle-a");
    memo.setDocs({ "main.ts": "a" }, { openapi: null, openapiUrl: null, websockets: [] });
    const key = [...storage.map.keys()].find((k) => k.startsWith("fastapi-ts:build-docs:"))!;
    storage.map.set(key, "{not json");
    expect(memo.getDocs({ "main.ts": "a" })).toBeUndefined();
    storage.map.set(key, JSON.stringify({ openapi: "x" }));
    expect(memo.getDocs({ "main.ts": "a" })).toBeUndefined();
  });
});
