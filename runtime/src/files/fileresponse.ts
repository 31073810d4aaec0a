import type { Request } from "../request.ts";
import { guessMediaType, PlainTextResponse, Response, type ResponseInit } from "../responses.ts";
import { getDefaultFileSystem, type FileStat, type FileSystem } from "./filesystem.ts";
import "./hostfs.ts";

/** Options of {@link FileResponse}. */
export interface FileResponseInit extends ResponseInit {
  /** Sets `Content-Disposition: attachment; filename="..."`. */
  filename?: string;
  /** `"attachment"` (default when a filename is given) or `"inline"` (Starlette's `content_disposition_type`). */
  contentDispositionType?: "attachment" | "inline";
  /** @deprecated The same as {@link FileResponseInit.contentDispositionType}, under its former name. */
  contentDisposition?: "attachment" | "inline";
  /** Where a path is read from (default: the host's file system, or the one set with `setDefaultFileSystem`). */
  fs?: FileSystem;
  /** The file's stat, when already known (StaticFiles passes it). */
  stat?: FileStat;
}

/**
 * Python's `urllib.parse.quote` (safe `/`), as Starlette quotes a file name: a name it changes is sent as RFC 5987
 * `filename*`. `encodeURIComponent` leaves `!'()*` as they are and escapes `/`.
 */
function pythonQuote(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, "/");
}

/** An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** The ETag of a file: derived from its size and modification time, as Starlette derives it. */
export function fileEtag(stat: FileStat): string {
  return `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
}

/** Parses a `Range` header as Starlette does: ranges as `[start, end)`, merged; throws a response on errors. */
export function parseRange(header: string, size: number): [number, number][] {
  const eq = header.indexOf("=");
  if (eq === -1) throw new PlainTextResponse("Malformed range header.", { status: 400 });
  if (header.slice(0, eq).trim().toLowerCase() !== "bytes") throw new PlainTextResponse("Only support bytes range", { status: 400 });
  const ranges: [number, number][] = [];
  for (let part of header.slice(eq + 1).split(",")) {
    part = part.trim();
    if (!part || part === "-" || !part.includes("-")) continue;
    const dash = part.indexOf("-");
    const s = part.slice(0, dash).trim();
    const e = part.slice(dash + 1).trim();
    if ((s && !/^\d+$/.test(s)) || (e && !/^\d+$/.test(e)) || (!s && !e)) continue;
    // A suffix longer than the file selects the whole file (RFC 9110 §14.1.2); `bytes=-0` selects nothing (416).
    const start = s ? Number(s) : Number(e) === 0 ? size : Math.max(0, size - Number(e));
    const end = s && e && Number(e) < size ? Number(e) + 1 : size;
    ranges.push([start, end]);
  }
  if (!ranges.length) throw new PlainTextResponse("Range header: range must be requested", { status: 400 });
  if (ranges.some(([start]) => !(start >= 0 && start < size))) {
    throw new PlainTextResponse("", { status: 416, headers: { "content-range": `bytes */${size}` } });
  }
  if (ranges.some(([start, end]) => start > end)) throw new PlainTextResponse("Range header: start must be less than end", { status: 400 });
  if (ranges.length === 1) return ranges;
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function randomBoundary(): string {
  const b = new Uint8Array(13);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/**
 * Sends a file: a path (read through a {@link FileSystem} when the response is sent) or a `Blob`/`File`.
 * Sets `Content-Length`, `Last-Modified`, `ETag` and `Accept-Ranges`, and answers `Range` requests (206, 416,
 * `multipart/byteranges`), as Starlette's `FileResponse` does.
 */
export class FileResponse extends Response {
  /** The path or blob being sent. */
  readonly file: string | Blob;
  readonly #fs: FileSystem | undefined;
  #stat: FileStat | undefined;
  #ranges: [number, number][] | null = null;
  #multipart: { boundary: string; type: string } | null = null;

  constructor(file: string | Blob, init: FileResponseInit = {}) {
    super(null, init);
    this.file = file;
    this.#fs = init.fs;
    this.#stat = init.stat;
    const name = typeof file === "string" ? file : (file as File).name ?? "";
    const mediaType = init.mediaType ?? (typeof file !== "string" && file.type ? file.type : guessMediaType(name));
    if (!this.headers.has("content-type")) {
      this.headers.set("content-type", mediaType.startsWith("text/") ? `${mediaType}; charset=utf-8` : mediaType);
    }
    if (init.filename !== undefined) {
      const disposition = init.contentDispositionType ?? init.contentDisposition ?? "attachment";
      const quoted = pythonQuote(init.filename);
      this.headers.set("content-disposition", quoted === init.filename
        ? `${disposition}; filename="${init.filename}"` : `${disposition}; filename*=utf-8''${quoted}`);
    }
    // The body is opened lazily: reading starts only when the response is sent.
    this.body = lazyStream(() => this.#select());
  }

  /** The bytes to send: the whole file, or the selected range(s). */
  #select(): ReadableStream<Uint8Array> {
    const ranges = this.#ranges;
    if (!ranges) return this.#open(0, undefined);
    if (!this.#multipart) return this.#open(ranges[0]![0], ranges[0]![1]);
    const { boundary, type } = this.#multipart;
    const size = this.#stat!.size;
    const open = (s: number, e: number): ReadableStream<Uint8Array> => this.#open(s, e);
    return iterableStream((async function* () {
      for (const [s, e] of ranges) {
        yield partHead(boundary, type, s, e, size);
        yield* open(s, e) as unknown as AsyncIterable<Uint8Array>;
        yield encoder.encode("\r\n");
      }
      yield encoder.encode(`--${boundary}--\r\n`);
    })());
  }

  #open(start: number, end: number | undefined): ReadableStream<Uint8Array> {
    if (typeof this.file !== "string") return (start === 0 && end === undefined ? this.file : this.file.slice(start, end)).stream();
    return (this.#fs ?? getDefaultFileSystem()).read(this.file, start, end);
  }

  /** @internal Called by the app before sending: stats the file, then applies `Range`. */
  async prepare(request: Request): Promise<Response> {
    let stat = this.#stat;
    if (!stat) {
      if (typeof this.file === "string") {
        const s = await (this.#fs ?? getDefaultFileSystem()).stat(this.file);
        if (!s || !s.isFile) throw new Error(`File at path ${this.file} does not exist.`);
        stat = s;
      } else {
        stat = { size: this.file.size, mtimeMs: (this.file as File).lastModified ?? Date.now(), isFile: true, isDirectory: false };
      }
      this.#stat = stat;
    }
    const h = this.headers;
    if (!h.has("content-length")) h.set("content-length", String(stat.size));
    if (!h.has("last-modified")) h.set("last-modified", httpDate(stat.mtimeMs));
    if (!h.has("etag")) h.set("etag", fileEtag(stat));
    h.set("accept-ranges", "bytes");
    const range = request.headers.get("range");
    const ifRange = request.headers.get("if-range");
    if (this.status !== 200 || range === null || (ifRange !== null && ifRange !== h.get("last-modified") && ifRange !== h.get("etag"))) return this;
    let ranges: [number, number][];
    try {
      ranges = parseRange(range, stat.size);
    } catch (error) {
      if (!(error instanceof Response)) throw error;
      if (this.body instanceof ReadableStream) void this.body.cancel().catch(() => {});
      return error;
    }
    // The body stream stays the same object (wrappers around it keep working); it opens the selected bytes.
    this.status = 206;
    this.#ranges = ranges;
    if (ranges.length === 1) {
      const [start, end] = ranges[0]!;
      h.set("content-range", `bytes ${start}-${end - 1}/${stat.size}`);
      h.set("content-length", String(end - start));
      return this;
    }
    const boundary = randomBoundary();
    const type = h.get("content-type") ?? "application/octet-stream";
    this.#multipart = { boundary, type };
    let length = encoder.encode(`--${boundary}--\r\n`).byteLength;
    for (const [s, e] of ranges) length += partHead(boundary, type, s, e, stat.size).byteLength + (e - s) + 2;
    h.set("content-type", `multipart/byteranges; boundary=${boundary}`);
    h.set("content-length", String(length));
    return this;
  }
}

const encoder = new TextEncoder();

function partHead(boundary: string, type: string, start: number, end: number, size: number): Uint8Array {
  return encoder.encode(`--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${start}-${end - 1}/${size}\r\n\r\n`);
}

function iterableStream(it: AsyncIterator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await it.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** A stream that opens its source on first read (so an unsent response never opens the file). */
function lazyStream(open: () => ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      reader ??= open().getReader();
      const r = await reader.read();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
