/** What a {@link FileSystem} knows of a file. */
export interface FileStat {
  /** Size in bytes. */
  size: number;
  /** Last modification, in milliseconds since the epoch. */
  mtimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
}

/**
 * The little of a file system that `StaticFiles`, `FileResponse` and templates need. Paths use `/`. Node's is
 * used by default where the host has one; in a browser worker, pass a {@link MemoryFileSystem} (or call
 * {@link setDefaultFileSystem} once, as the playground does with the files it provides).
 */
export interface FileSystem {
  /** Follows symlinks; `null` when nothing is there. */
  stat(path: string): Promise<FileStat | null>;
  /** The canonical absolute path, symlinks resolved (rejects when the path does not exist). */
  realpath(path: string): Promise<string>;
  /** The bytes from `start` (default 0) to `end` (exclusive, default the end). */
  read(path: string, start?: number, end?: number): ReadableStream<Uint8Array>;
  /** The whole file as text (templates). */
  readText(path: string): Promise<string>;
}

/** Joins and normalises `/`-separated paths (`..` and `.` resolved; never climbs above an absolute root). */
export function joinPath(...parts: string[]): string {
  const joined = parts.filter((p) => p !== "").join("/");
  const absolute = joined.startsWith("/");
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const body = out.join("/");
  return absolute ? `/${body}` : body || ".";
}

type MemoryContent = string | Uint8Array | Blob;

/**
 * A {@link FileSystem} that can also change files, as Python's `open(path, "w")` / `open(path, "a")` and
 * `os.remove` do: {@link MemoryFileSystem}, and {@link HostFileSystem} on the host's disk. See
 * {@link workingDirectory}.
 */
export interface WritableFileSystem extends FileSystem {
  /** Creates the file or replaces its content (mode `"w"`). Parent directories must exist on a disk. */
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  /** Adds to the end of the file, creating it when it is missing (mode `"a"`). */
  appendFile(path: string, content: string | Uint8Array): Promise<void>;
  /** Removes the file; `false` when there was none. */
  removeFile(path: string): Promise<boolean>;
}

/** Whether `fs` can write: a {@link WritableFileSystem}. */
export function isWritable(fs: FileSystem): fs is WritableFileSystem {
  const w = fs as Partial<WritableFileSystem>;
  return typeof w.writeFile === "function" && typeof w.appendFile === "function" && typeof w.removeFile === "function";
}

/**
 * An in-memory file system: `new MemoryFileSystem({ "static/styles.css": "h1 { color: green }" })`. Paths are
 * relative to its root (`/`); directories exist implicitly.
 */
export class MemoryFileSystem implements WritableFileSystem {
  readonly #files = new Map<string, { bytes: Blob; mtimeMs: number }>();

  constructor(files: Record<string, MemoryContent> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  static #key(path: string): string {
    return joinPath("/", path);
  }

  /** Adds or replaces a file. */
  write(path: string, content: MemoryContent, mtimeMs = Date.now()): void {
    const bytes = content instanceof Blob ? content : new Blob([content as BlobPart]);
    this.#files.set(MemoryFileSystem.#key(path), { bytes, mtimeMs });
  }

  /** Removes a file. */
  delete(path: string): boolean {
    return this.#files.delete(MemoryFileSystem.#key(path));
  }

  /** Creates the file or replaces its content. */
  async writeFile(path: string, content: string | Uint8Array): Promise<void> {
    this.write(path, content);
  }

  /** Adds to the end of the file, creating it when missing. */
  async appendFile(path: string, content: string | Uint8Array): Promise<void> {
    const before = this.#files.get(MemoryFileSystem.#key(path));
    this.write(path, before ? new Blob([before.bytes, content as BlobPart]) : content);
  }

  /** Removes the file; `false` when there was none. */
  async removeFile(path: string): Promise<boolean> {
    return this.delete(path);
  }

  async stat(path: string): Promise<FileStat | null> {
    const key = MemoryFileSystem.#key(path);
    const f = this.#files.get(key);
    if (f) return { size: f.bytes.size, mtimeMs: f.mtimeMs, isFile: true, isDirectory: false };
    const prefix = key === "/" ? "/" : `${key}/`;
    for (const k of this.#files.keys()) if (k.startsWith(prefix)) return { size: 0, mtimeMs: 0, isFile: false, isDirectory: true };
    return null;
  }

  async realpath(path: string): Promise<string> {
    const key = MemoryFileSystem.#key(path);
    if (!(await this.stat(key))) throw Object.assign(new Error(`ENOENT: no such file or directory, realpath '${path}'`), { code: "ENOENT" });
    return key;
  }

  read(path: string, start?: number, end?: number): ReadableStream<Uint8Array> {
    const f = this.#files.get(MemoryFileSystem.#key(path));
    if (!f) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
    return (start === undefined && end === undefined ? f.bytes : f.bytes.slice(start, end)).stream();
  }

  async readText(path: string): Promise<string> {
    const f = this.#files.get(MemoryFileSystem.#key(path));
    if (!f) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
    return f.bytes.text();
  }
}

let registered: FileSystem | null = null;
let host: FileSystem | null | undefined;

/** Sets the file system used when none is passed (the playground registers its virtual files here). */
export function setDefaultFileSystem(fs: FileSystem | null): void {
  registered = fs;
}

/** @internal Set by the host adapter below (kept apart so this module stays Web-standard). */
export function setHostFileSystemFactory(factory: () => FileSystem | null): void {
  hostFactory = factory;
}
let hostFactory: (() => FileSystem | null) | null = null;

/**
 * The file system used when none is passed: the one given to {@link setDefaultFileSystem}, else the host's
 * (Node, Deno, Bun: found at run time, without importing a Node module).
 */
export function getDefaultFileSystem(): FileSystem {
  const fs = defaultOrNull();
  if (!fs) throw new Error("No file system available here: pass `fs` (e.g. a MemoryFileSystem) or call setDefaultFileSystem()");
  return fs;
}

function defaultOrNull(): FileSystem | null {
  if (registered) return registered;
  if (host === undefined) host = hostFactory?.() ?? null;
  return host;
}

let memoryDirectory: MemoryFileSystem | null = null;

/**
 * The working directory, to write files as a FastAPI app writes `log.txt` with `open()`: the default file system
 * (the host's disk on Node, Deno and Bun, paths relative to the process's working directory) when it can write,
 * else one in-memory directory shared by every caller (a browser tab or worker has no disk).
 *
 * @example
 * ```ts
 * const files = workingDirectory();
 * await files.appendFile("log.txt", "Application shutdown\n");
 * ```
 */
export function workingDirectory(): WritableFileSystem {
  const fs = defaultOrNull();
  if (fs && isWritable(fs)) return fs;
  return (memoryDirectory ??= new MemoryFileSystem());
}
