// A reader's edits are saved as they type (once the typing pauses, and at once when the page is hidden or left),
// per project, so a reload or a closed tab loses nothing.
import { sha256Hex } from "../executor/hash.ts";
import { sameFiles, type ProjectFiles } from "../executor/types.ts";

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

/**
 * A short, stable key for a share link's project, so its draft survives a reload of the same link: the
 * first 8 bytes of the link's SHA-256, in hex. Hashed in JavaScript, not with `crypto.subtle`, which
 * browsers offer only in secure contexts (a site served over plain http on a LAN is not one).
 */
export function projectKey(text: string): string {
  return sha256Hex(text, 8);
}

/** What a DraftWriter listens to: the window (`pagehide`) and the document (`visibilitychange`). */
export interface PageEvents {
  window: Pick<EventTarget, "addEventListener" | "removeEventListener">;
  document: Pick<EventTarget, "addEventListener" | "removeEventListener"> & { readonly visibilityState: string };
}

/**
 * Writes a draft once the typing pauses rather than on every keystroke: a synchronous storage write and a copy of
 * every file cost each keystroke tens of milliseconds on a slow machine. A pending draft is written at once when
 * the page is hidden or left (a reload, a closed tab, a phone switching apps), so nothing typed is lost.
 */
export class DraftWriter {
  static readonly #live = new Set<DraftWriter>();

  /** Writes every pending draft now: before the page reads or clears a draft that a writer may still hold. */
  static flushAll(): void {
    for (const writer of DraftWriter.#live) writer.flush();
  }

  readonly #write: () => void;
  readonly #delayMs: number;
  readonly #page: PageEvents;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending = false;

  /** `write` saves the current files (saveDraft); it runs `delayMs` after the last `schedule()`, or on `flush()`. */
  constructor(write: () => void, delayMs: number, page: PageEvents = { window, document }) {
    this.#write = write;
    this.#delayMs = delayMs;
    this.#page = page;
    page.window.addEventListener("pagehide", this.flush);
    page.document.addEventListener("visibilitychange", this.#onVisibility);
    DraftWriter.#live.add(this);
  }

  /** The files changed: they are written once no change has come for the delay. */
  schedule(): void {
    this.#pending = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.flush, this.#delayMs);
  }

  /** Writes a pending draft now. */
  readonly flush = (): void => {
    clearTimeout(this.#timer);
    if (!this.#pending) return;
    this.#pending = false;
    this.#write();
  };

  /** Writes what is pending and stops listening. */
  dispose(): void {
    this.flush();
    this.#page.window.removeEventListener("pagehide", this.flush);
    this.#page.document.removeEventListener("visibilitychange", this.#onVisibility);
    DraftWriter.#live.delete(this);
  }

  readonly #onVisibility = (): void => {
    if (this.#page.document.visibilityState === "hidden") this.flush();
  };
}
