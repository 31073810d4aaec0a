// The last bundles made in this browser, kept across visits: reopening an edited project (a kept draft, a shared
// link seen before) runs its bundle at once instead of first booting esbuild-wasm, which compiles 14 MB of wasm
// (seconds on a 2-core laptop). A bundle is found only by the exact files and the exact compiler that made it.
// Beside each bundle, the documents its app served when it last ran: the panes show them while it starts again.
import type { ExampleDocs } from "../project/example.ts";
import { sha256Hex } from "./hash.ts";
import type { ProjectFiles } from "./types.ts";

/** The part of `Storage` the memo uses (localStorage in the browser). */
export type BuildMemoStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** One item per bundle, so that a lookup reads one bundle, not all of them; and an index of them, latest first. */
const PREFIX = "fastapi-ts:build:";
const DOCS_PREFIX = "fastapi-ts:build-docs:";
const INDEX = "fastapi-ts:builds";
/** Bundles larger than this are not kept: the memo must never crowd out the reader's drafts. */
const MAX_CODE_CHARS = 256 * 1024;

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
    try {
      return this.#storage.getItem(PREFIX + this.#key(files)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `code` as the bundle of `files`, as the most recent; the oldest beyond the limit are dropped. */
  set(files: ProjectFiles, code: string): void {
    if (code.length > MAX_CODE_CHARS) return;
    const key = this.#key(files);
    const keys = [key, ...this.#index().filter((kept) => kept !== key)];
    try {
      this.#storage.setItem(PREFIX + key, code);
      for (const old of keys.slice(this.#limit)) {
        this.#storage.removeItem(PREFIX + old);
        this.#storage.removeItem(DOCS_PREFIX + old);
      }
      this.#storage.setItem(INDEX, JSON.stringify(keys.slice(0, this.#limit)));
    } catch {
      // Storage full or disabled: the next visit builds again, as without a memo.
    }
  }

  /** The documents the app of these files served when it last ran, if its bundle is kept. */
  getDocs(files: ProjectFiles): ExampleDocs | undefined {
    try {
      const raw = this.#storage.getItem(DOCS_PREFIX + this.#key(files));
      if (raw === null) return undefined;
      const docs = JSON.parse(raw) as Partial<ExampleDocs>;
      const valid = typeof docs === "object" && docs !== null && typeof docs.openapi === "object" && Array.isArray(docs.websockets);
      return valid ? (docs as ExampleDocs) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps the documents the app of these files served; only beside its kept bundle, and dropped with it. */
  setDocs(files: ProjectFiles, docs: ExampleDocs): void {
    const key = this.#key(files);
    if (!this.#index().includes(key)) return;
    const json = JSON.stringify(docs);
    if (json.length > MAX_CODE_CHARS) return;
    try {
      this.#storage.setItem(DOCS_PREFIX + key, json);
    } catch {
      // Storage full: the next visit shows the docs once the app has started, as without them.
    }
  }

  #index(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.#storage.getItem(INDEX) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === "string") : [];
    } catch {
      return [];
    }
  }

  #key(files: ProjectFiles): string {
    const names = Object.keys(files).sort();
    const text = JSON.stringify([this.#compiler, ...names.map((name) => [name, files[name]])]);
    return sha256Hex(text);
  }
}
