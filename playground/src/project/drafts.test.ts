import { describe, expect, it } from "vitest";
import { clearDraft, loadDraft, projectKey, saveDraft } from "./drafts.ts";

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
