// A reader's edits are saved as they type, per project, so a reload or a crashed tab loses nothing.
import { sha256 } from "@noble/hashes/sha2.js";
import type { ProjectFiles } from "../executor/types.ts";

/** The part of `Storage` drafts use (localStorage in the browser). */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "fastapi-ts:draft:";

/** Saved edits of one project, or undefined when the reader has not changed it. */
export function loadDraft(storage: DraftStorage, project: string): ProjectFiles | undefined {
  try {
    const raw = storage.getItem(PREFIX + project);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { files?: unknown };
    const files = parsed.files;
    if (!files || typeof files !== "object" || Object.values(files).some((v) => typeof v !== "string")) return undefined;
    return files as ProjectFiles;
  } catch {
    return undefined;
  }
}

/** Saves the files, or forgets the draft when they equal the original. */
export function saveDraft(storage: DraftStorage, project: string, files: ProjectFiles, original: ProjectFiles): void {
  if (sameFiles(files, original)) {
    storage.removeItem(PREFIX + project);
    return;
  }
  try {
    storage.setItem(PREFIX + project, JSON.stringify({ files, savedAt: Date.now() }));
  } catch {
    // Storage full or disabled: editing goes on; only the draft is not kept.
  }
}

export function clearDraft(storage: DraftStorage, project: string): void {
  storage.removeItem(PREFIX + project);
}

export function sameFiles(a: ProjectFiles, b: ProjectFiles): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/**
 * A short, stable key for a share link's project, so its draft survives a reload of the same link: the
 * first 8 bytes of the link's SHA-256, in hex. Hashed in JavaScript, not with `crypto.subtle`, which
 * browsers offer only in secure contexts (a site served over plain http on a LAN is not one).
 */
export function projectKey(text: string): string {
  return [...sha256(new TextEncoder().encode(text)).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
