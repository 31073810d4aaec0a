import { HTTPException } from "./exceptions.ts";
import { FileResponse } from "./files/fileresponse.ts";
import { getDefaultFileSystem, joinPath, type FileStat, type FileSystem } from "./files/filesystem.ts";
import type { Request } from "./request.ts";
import { RedirectResponse, Response } from "./responses.ts";

/** Options of {@link StaticFiles}. */
export interface StaticFilesOptions {
  /** The directory served. */
  directory: string;
  /** HTML mode: `/dir/` serves `dir/index.html`, `/dir` redirects to `/dir/`, and a missing file serves `404.html`. */
  html?: boolean;
  /** Where files are read (default: the host's file system, or the one set with `setDefaultFileSystem`). */
  fs?: FileSystem;
  /** Serve files that are symlinks pointing outside the directory (default `false`). */
  followSymlink?: boolean;
}

/**
 * Serves the files of a directory (Starlette's `StaticFiles`); mount it: `app.mount("/static",
 * new StaticFiles({ directory: "static" }), { name: "static" })`. `GET`/`HEAD` only; `ETag`/`Last-Modified`
 * with 304 answers; ranges. Never serves anything outside its directory: `..`, encoded `%2e%2e` or `%2f`,
 * backslashes and symlinks out are all answered 404.
 */
export class StaticFiles {
  /** The directory served. */
  readonly directory: string;
  /** Whether HTML mode is on. */
  readonly html: boolean;
  readonly #fs: FileSystem | undefined;
  readonly #follow: boolean;
  #root: Promise<string> | undefined;

  constructor(options: StaticFilesOptions) {
    this.directory = options.directory;
    this.html = options.html === true;
    this.#fs = options.fs;
    this.#follow = options.followSymlink === true;
  }

  get #files(): FileSystem {
    return this.#fs ?? getDefaultFileSystem();
  }

  /** Checks that the directory exists (Starlette's `check_config`); throws otherwise. */
  async checkConfig(): Promise<void> {
    const s = await this.#files.stat(this.directory);
    if (!s || !s.isDirectory) throw new Error(`StaticFiles directory '${this.directory}' does not exist.`);
  }

  /** Answers a request whose `routePath` is the path under the mount (used by `app.mount`). */
  async dispatch(request: Request): Promise<Response> {
    // Starlette's StaticFiles answers other methods 405 with no `Allow` header.
    if (request.method !== "GET" && request.method !== "HEAD") throw new HTTPException(405);
    const raw = request.routePath ?? new URL(request.url).pathname;
    const segments = safeSegments(raw);
    if (segments === null) throw new HTTPException(404);
    const rel = segments.join("/");
    const found = await this.#lookup(rel);
    // `a.txt/` serves `a.txt`: Starlette normalizes the path (`os.path.normpath`) before looking it up.
    if (found && found.stat.isFile) return this.#fileResponse(request, found.path, found.stat, 200);
    if (found && found.stat.isDirectory && this.html) {
      const index = await this.#lookup(rel ? `${rel}/index.html` : "index.html");
      if (index && index.stat.isFile) {
        if (!raw.endsWith("/")) {
          const url = new URL(request.url);
          url.pathname += "/";
          return new RedirectResponse(url.href);
        }
        return this.#fileResponse(request, index.path, index.stat, 200);
      }
    }
    if (this.html) {
      const notFound = await this.#lookup("404.html");
      if (notFound && notFound.stat.isFile) return this.#fileResponse(request, notFound.path, notFound.stat, 404);
    }
    throw new HTTPException(404);
  }

  async #lookup(rel: string): Promise<{ path: string; stat: FileStat } | null> {
    const fs = this.#files;
    const path = rel ? `${this.directory.replace(/\/+$/, "")}/${rel}` : this.directory;
    let root: string;
    try {
      root = await (this.#root ??= fs.realpath(this.directory));
    } catch {
      this.#root = undefined;
      return null;
    }
    let real: string;
    try {
      real = this.#follow ? joinPath(root, rel) : await fs.realpath(path);
    } catch {
      return null;
    }
    if (real !== root && !real.startsWith(root.endsWith("/") ? root : `${root}/`)) return null;
    const stat = await fs.stat(path);
    return stat ? { path, stat } : null;
  }

  #fileResponse(request: Request, path: string, stat: FileStat, status: number): Response {
    const response = new FileResponse(path, { status, fs: this.#files, stat });
    if (status === 200 && isNotModified(request.headers, response.headers, stat)) {
      const headers = new Headers();
      for (const k of ["cache-control", "content-location", "date", "etag", "expires", "vary"]) {
        const v = response.headers.get(k);
        if (v !== null) headers.set(k, v);
      }
      if (response.body instanceof ReadableStream) void response.body.cancel().catch(() => {});
      return new Response(null, { status: 304, headers });
    }
    return response;
  }
}

function isNotModified(req: Headers, res: Headers, stat: FileStat): boolean {
  res.set("etag", res.get("etag") ?? `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`);
  res.set("last-modified", res.get("last-modified") ?? new Date(stat.mtimeMs).toUTCString());
  const etag = res.get("etag")!;
  const inm = req.get("if-none-match");
  if (inm !== null) return inm.split(",").some((t) => t.trim() === "*" || t.trim().replace(/^W\//, "") === etag);
  const ims = req.get("if-modified-since");
  if (ims !== null) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(stat.mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}

/**
 * Splits a raw (percent-encoded) URL path into safe segments: each is decoded on its own, and a segment that is
 * `..`, or decodes to something containing `/`, `\`, or NUL, makes the whole path unservable (`null`).
 */
export function safeSegments(rawPath: string): string[] | null {
  const out: string[] = [];
  for (const seg of rawPath.split("/")) {
    let s: string;
    try {
      s = decodeURIComponent(seg);
    } catch {
      return null;
    }
    if (s === "" || s === ".") continue;
    if (s === ".." || /[\\/\0]/.test(s) || /^[a-zA-Z]:/.test(s)) return null;
    out.push(s);
  }
  return out;
}
