// Serving a built frontend (FastAPI's `app.frontend()`): the files a frontend tool wrote (`dist/`), with the
// fallbacks single-page apps and static site generators expect. Checked after every path operation and mount.
import { HTTPException } from "./exceptions.ts";
import type { FileSystem } from "./files/filesystem.ts";
import { getDefaultFileSystem } from "./files/filesystem.ts";
import { Request } from "./request.ts";
import type { Response } from "./responses.ts";
import { StaticFiles } from "./staticfiles.ts";
import type { ParamsDeclaration } from "./params/markers.ts";
import type { OperationOptions } from "./routing/operation.ts";
import { APIRoute } from "./routing/route.ts";

/**
 * What a frontend answers for a path that has no file: `"auto"` (default) serves `404.html` with status 404 when
 * the directory has one, else `index.html` to browser navigations; `"index.html"` serves the app shell to browser
 * navigations (client-side routing); `"404.html"` serves that page, status 404, for any missing path; `null` answers
 * the normal 404.
 */
export type FrontendFallback = "auto" | "index.html" | "404.html" | null;

/** Options of `app.frontend()` / `router.frontend()`. */
export interface FrontendOptions {
  /** The folder the frontend build wrote (`dist`). */
  directory: string;
  /** See {@link FrontendFallback}. Default `"auto"`. */
  fallback?: FrontendFallback;
  /**
   * Check that the directory (and an explicit fallback file) exists: `true` (default) reports a missing one when the
   * app starts; `false` waits for the first request, for a build that runs after the app is created.
   */
  checkDir?: boolean;
  /** Where the files are read (default: the host's file system; a `MemoryFileSystem` in a browser). */
  fs?: FileSystem;
}

/** The media types a browser navigation accepts (with a non-zero quality). */
function acceptsHtml(accept: string | null): boolean {
  if (!accept) return false;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (type !== "text/html" && type !== "application/xhtml+xml") continue;
    const q = params.find((p) => p.startsWith("q="));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** A GET or HEAD for HTML, to a path whose last segment has no file extension: what client-side routing serves. */
export function isBrowserNavigation(request: Request, rest: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const last = rest.split("/").filter(Boolean).pop() ?? "";
  return !last.includes(".") && acceptsHtml(request.headers.get("accept"));
}

/** A built frontend's directory and its fallback rules (see {@link FrontendOptions}). */
export class Frontend {
  /** The directory served. */
  readonly directory: string;
  /** The fallback rule. */
  readonly fallback: FrontendFallback;
  readonly #files: StaticFiles;
  readonly #fs: FileSystem | undefined;
  #checked: Promise<void> | undefined;

  constructor(options: FrontendOptions) {
    const fallback = options.fallback === undefined ? "auto" : options.fallback;
    if (fallback !== null && !["auto", "index.html", "404.html"].includes(fallback)) {
      throw new TypeError(`frontend fallback must be "auto", "index.html", "404.html" or null, not ${JSON.stringify(fallback)}`);
    }
    this.directory = options.directory;
    this.fallback = fallback;
    this.#fs = options.fs;
    this.#files = new StaticFiles({ directory: options.directory, html: true, fs: options.fs });
    if (options.checkDir !== false) {
      this.#checked = this.check();
      this.#checked.catch(() => {}); // reported at startup and on requests, not as an unhandled rejection
    }
  }

  /** Checks the directory and an explicit fallback file; rejects with an error naming what is missing. */
  async check(): Promise<void> {
    const fs = this.#fs ?? getDefaultFileSystem();
    const dir = await fs.stat(this.directory);
    if (!dir || !dir.isDirectory) throw new Error(`Frontend directory '${this.directory}' does not exist`);
    if (this.fallback === "index.html" || this.fallback === "404.html") {
      const file = await fs.stat(`${this.directory.replace(/\/+$/, "")}/${this.fallback}`);
      if (!file || !file.isFile) throw new Error(`Frontend fallback file '${this.fallback}' does not exist in '${this.directory}'`);
    }
  }

  /** Resolves when the directory checked out (with `checkDir`), rejects otherwise. */
  ready(): Promise<void> {
    return this.#checked ?? Promise.resolve();
  }

  /** Answers `request` for `rest`, the path below the frontend's prefix. */
  async serve(request: Request, rest: string): Promise<Response> {
    if (request.method !== "GET" && request.method !== "HEAD") throw new HTTPException(405, { headers: { allow: "GET, HEAD" } });
    await (this.#checked ??= this.check());
    let found: Response | null = null;
    try {
      found = await this.#files.dispatch(at(request, rest));
    } catch (error) {
      if (!(error instanceof HTTPException) || error.statusCode !== 404) throw error;
    }
    // StaticFiles answers a missing path with the directory's 404.html (status 404) when there is one.
    const notFoundPage = found !== null && found.status === 404 ? found : null;
    if (found !== null && notFoundPage === null) return found;
    const rule = this.fallback;
    if (rule === "auto" || rule === "404.html") {
      if (notFoundPage) return notFoundPage;
      if (rule === "404.html") throw new Error(`Frontend fallback file '404.html' does not exist in '${this.directory}'`);
    }
    if ((rule === "auto" || rule === "index.html") && isBrowserNavigation(request, rest)) {
      try {
        const shell = await this.#files.dispatch(at(request, "/index.html"));
        if (shell.status === 200) return shell;
      } catch (error) {
        if (!(error instanceof HTTPException) || error.statusCode !== 404) throw error;
      }
      if (rule === "index.html") throw new Error(`Frontend fallback file 'index.html' does not exist in '${this.directory}'`);
    }
    if (notFoundPage?.body instanceof ReadableStream) void notFoundPage.body.cancel().catch(() => {});
    throw new HTTPException(404);
  }
}

/** The same request, routed at `path` inside the directory. */
function at(request: Request, path: string): Request {
  const inner = new Request(request);
  inner.routePath = path || "/";
  return inner;
}

/** The path below its prefix that a frontend route answers for, per request. */
const restOf = new WeakMap<Request, string>();

/**
 * The low-priority route of a frontend: tried after every path operation, mount and trailing-slash redirect. It runs
 * like a path operation (the app's and routers' dependencies and middleware apply), hidden from OpenAPI.
 */
export class FrontendRoute extends APIRoute {
  /** The URL prefix the frontend is served under (`""` for the root). */
  readonly prefix: string;
  /** The frontend. */
  readonly frontend: Frontend;

  constructor(prefix: string, frontend: Frontend, options: OperationOptions<ParamsDeclaration> = {}) {
    super(prefix || "/", ["GET", "HEAD"], async function frontend_files({ request }: { request: Request }) {
      return frontend.serve(request, restOf.get(request) ?? "/");
    } as never, { ...options, params: { request: Request }, includeInSchema: false });
    this.prefix = prefix;
    this.frontend = frontend;
  }

  /** The path below the prefix when `path` is the prefix or under it (segment boundaries), else `null`. */
  matchPrefix(path: string): string | null {
    if (this.prefix === "") return path;
    if (path === this.prefix) return "";
    return path.startsWith(`${this.prefix}/`) ? path.slice(this.prefix.length) : null;
  }

  /** Answers a request whose routed path left `rest` below the prefix. */
  answer(request: Request, rest: string): Promise<Response> {
    restOf.set(request, rest);
    return this.getRouteHandler()(request);
  }
}

/** Normalises a frontend's path: it must start with `/`; a trailing `/` is dropped (`"/"` → `""`). */
export function frontendPrefix(path: string): string {
  if (!path.startsWith("/")) throw new Error(`A frontend path must start with '/', got ${JSON.stringify(path)}`);
  return path.replace(/\/+$/, "");
}
