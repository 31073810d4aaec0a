// The last bundles made in this browser, kept across visits: reopening an edited project (a kept draft, a shared
// link seen before) runs its bundle at once instead of first booting esbuild-wasm, which compiles 14 MB of wasm
// (seconds on a 2-core laptop). A bundle is found only by the exact files and the exact compiler that made it.
import { sha256 } from "@noble/hashes/sha2.js";
import type { ProjectFiles } from "./types.ts";

/** The part of `Storage` the memo uses (localStorage in the browser). */
export type BuildMemoStorage = Pick<Storage, "getItem" | "setItem">;

const ITEM = "fastapi-ts:builds";
/** Bundles larger than this are not kept: the memo must never crowd out the reader's drafts. */
const MAX_CODE_CHARS = 256 * 1024;

interface Entry {
  key: string;
  code: string;
}

/** The most recent bundles (up to `limit`), keyed by the files and by `compiler` (what made them). */
export class BuildMemo {
  readonly #storage: BuildMemoStorage;
  readonly #compiler: string;
  readonly #limit: number;

  /** `compiler` names the compiler's version (a change to it must not reuse older bundles). */
  constructor(storage: BuildMemoStorage, compiler: string, limit = 8) {
    this.#storage = storage;
    this.#compiler = compiler;
    this.#limit = limit;
  }

  /** The bundle made earlier for exactly these files by this compiler, if one is kept. */
  get(files: ProjectFiles): string | undefined {
    const key = this.#key(files);
    return this.#entries().find((entry) => entry.key === key)?.code;
  }

  /** Keeps `code` as the bundle of `files`, as the most recent. */
  set(files: ProjectFiles, code: string): void {
    if (code.length > MAX_CODE_CHARS) return;
    const key = this.#key(files);
    const entries = [{ key, code }, ...this.#entries().filter((entry) => entry.key !== key)].slice(0, this.#limit);
    try {
      this.#storage.setItem(ITEM, JSON.stringify(entries));
    } catch {
      // Storage full or disabled: the next visit builds again, as without a memo.
    }
  }

  #entries(): Entry[] {
    try {
      const parsed: unknown = JSON.parse(this.#storage.getItem(ITEM) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter((e): e is Entry => typeof e?.key === "string" && typeof e?.code === "string") : [];
    } catch {
      return [];
    }
  }

  #key(files: ProjectFiles): string {
    const names = Object.keys(files).sort();
    const text = JSON.stringify([this.#compiler, ...names.map((name) => [name, files[name]])]);
    return [...sha256(new TextEncoder().encode(text))].map((b) => b.toString(16).padStart(2, "0")).join("");
  }
}
