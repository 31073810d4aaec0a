import { FileResponse } from "../files/fileresponse.ts";
import type { Request } from "../request.ts";
import { statusHasNoBody, type Response } from "../responses.ts";
import { addVary, type Dispatch, type MiddlewareInstance } from "./base.ts";

/** Starlette's `DEFAULT_EXCLUDED_CONTENT_TYPES`: media types (and `type/*` wildcards) never compressed. */
const DEFAULT_EXCLUDED_CONTENT_TYPES: readonly string[] = [
  "application/gzip", "application/x-gzip", "application/zip", "audio/*", "font/woff", "font/woff2", "image/avif",
  "image/gif", "image/jpeg", "image/png", "image/webp", "text/event-stream", "video/*",
];

/** Options of {@link GZipMiddleware} (Starlette's, camelCased). */
export interface GZipOptions {
  /**
   * Bodies smaller than this many bytes are sent as they are (default 500). It looks at the first piece of the
   * body, as Starlette does: a streamed body is compressed whatever its size, a file is whole when under 64 KiB.
   */
  minimumSize?: number;
  /**
   * Compression level 1–9 (default 9). Applied where the host has zlib (Node, Deno, Bun); in a browser,
   * `CompressionStream` picks its own level.
   */
  compresslevel?: number;
  /**
   * Media types never compressed, `type/*` wildcards allowed, parameters ignored (default Starlette's list:
   * `application/gzip`, `application/x-gzip`, `application/zip`, `audio/*`, `font/woff`, `font/woff2`,
   * `image/avif`, `image/gif`, `image/jpeg`, `image/png`, `image/webp`, `text/event-stream`, `video/*`).
   */
  excludeContentTypes?: readonly string[];
  /** @deprecated Use `excludeContentTypes`, Starlette's name. */
  excludedContentTypes?: readonly string[];
}

/** The size of the pieces Starlette's `FileResponse` sends a file in: a smaller file is one whole body. */
const FILE_CHUNK_SIZE = 64 * 1024;

interface GzipStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  once(event: "end" | "error", listener: (error?: unknown) => void): void;
  write(chunk: Uint8Array): boolean;
  flush(kind: number, callback: () => void): void;
  end(): void;
  destroy(): void;
}

interface Zlib {
  gzipSync(data: Uint8Array, options: { level: number }): Uint8Array;
  createGzip(options: { level: number }): GzipStream;
  constants: { Z_SYNC_FLUSH: number };
}

function hostZlib(): Zlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.("node:zlib") as Zlib | undefined) ?? null;
}

async function gzipBytes(data: Uint8Array, level: number): Promise<Uint8Array> {
  const zlib = hostZlib();
  if (zlib) return new Uint8Array(zlib.gzipSync(data, { level }));
  return readAll(new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("gzip")));
}

/**
 * Gzip of a stream with every piece flushed as it comes (Starlette's `Z_SYNC_FLUSH`), so a client reads each piece
 * when it is sent; `CompressionStream` (the fallback without zlib, in browsers) holds them until it has enough.
 */
function gzipStream(level: number): ReadableWritablePair<Uint8Array, Uint8Array> {
  const zlib = hostZlib();
  if (!zlib) return new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  const gz = zlib.createGzip({ level });
  let out: Uint8Array[] = [];
  let failure: unknown = null;
  gz.on("data", (chunk) => out.push(new Uint8Array(chunk)));
  gz.once("error", (error) => { failure = error; });
  const drain = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (failure !== null) throw failure;
    for (const chunk of out) controller.enqueue(chunk);
    out = [];
  };
  // `cancel` (the client went away) is newer than TypeScript's DOM types: it frees the zlib stream.
  const transformer: Transformer<Uint8Array, Uint8Array> & { cancel?: () => void } = {
    transform: (chunk, controller) => new Promise<void>((resolve, reject) => {
      gz.write(chunk);
      gz.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        try {
          drain(controller);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    }),
    flush: (controller) => new Promise<void>((resolve, reject) => {
      gz.once("error", reject);
      gz.once("end", () => {
        try {
          drain(controller);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
      gz.end();
    }),
    cancel: () => gz.destroy(),
  };
  return new TransformStream<Uint8Array, Uint8Array>(transformer);
}

function normalizeType(type: string): string {
  return type.split(";")[0]!.trim().toLowerCase();
}

/** The stream `reader` was reading, its first read (`first`) put back in front. */
function resumed(first: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  let pending: Uint8Array | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(pending);
        pending = null;
        return;
      }
      const r = await reader.read();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    cancel: (reason) => reader.cancel(reason),
  }, { highWaterMark: 0 });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new globalThis.Response(body).arrayBuffer());
}

/**
 * Compresses responses with gzip for clients whose `Accept-Encoding` contains `gzip` (Starlette's `GZipMiddleware`,
 * answer for answer). It decides on the first piece of the body, as Starlette does:
 *
 * - a response with a `Content-Encoding`, a 206, or an excluded media type is left alone;
 * - a whole body (a string or bytes, or a file under 64 KiB) smaller than `minimumSize` is left alone;
 * - a larger whole body is compressed, with its `Content-Length`; a streamed body (a stream, a file from 64 KiB)
 *   is compressed as it streams, without `Content-Length`;
 * - in these last two cases `Vary: Accept-Encoding` is added, also when the client does not take gzip and the body
 *   goes out as it is. A stream that ends before its first piece is sent as it is, with no `Vary`.
 */
export class GZipMiddleware implements MiddlewareInstance {
  readonly #app: Dispatch;
  readonly #minimumSize: number;
  readonly #level: number;
  readonly #excluded: ReadonlySet<string>;

  constructor(app: Dispatch, options: GZipOptions = {}) {
    this.#app = app;
    this.#minimumSize = options.minimumSize ?? 500;
    this.#level = options.compresslevel ?? 9;
    this.#excluded = new Set((options.excludeContentTypes ?? options.excludedContentTypes ?? DEFAULT_EXCLUDED_CONTENT_TYPES).map(normalizeType));
  }

  async handle(request: Request): Promise<Response> {
    // Starlette looks for the bytes `gzip` in the header, case-sensitively (`x-gzip` counts, `GZIP` does not).
    const gzip = (request.headers.get("accept-encoding") ?? "").includes("gzip");
    const response = await this.#app(request);
    const h = response.headers;
    const type = normalizeType(h.get("content-type") ?? "");
    const excluded = this.#excluded.has(type) || this.#excluded.has(`${type.split("/")[0]}/*`);
    if (h.has("content-encoding") || response.status === 206 || excluded || statusHasNoBody(response.status)) return response;
    const body = response.body;
    if (body instanceof ReadableStream) {
      if (response instanceof FileResponse) {
        // A file answers HEAD with an empty body, and is sent whole below 64 KiB.
        if (request.method === "HEAD") return response;
        const size = Number(h.get("content-length") ?? Number.NaN);
        if (Number.isFinite(size) && size < FILE_CHUNK_SIZE) {
          if (size < this.#minimumSize) return response;
          return this.#whole(response, await readAll(body), gzip);
        }
        return this.#streamed(response, body, gzip);
      }
      // Starlette holds the headers until the first piece: a stream with none is sent as it is.
      const reader = body.getReader();
      const first = await reader.read();
      if (first.done) {
        response.body = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
        return response;
      }
      return this.#streamed(response, resumed(first.value, reader), gzip);
    }
    const bytes = body === null ? new Uint8Array(0) : typeof body === "string" ? new TextEncoder().encode(body) : body as Uint8Array;
    if (bytes.byteLength < this.#minimumSize) return response;
    return this.#whole(response, bytes, gzip);
  }

  async #whole(response: Response, bytes: Uint8Array, gzip: boolean): Promise<Response> {
    const h = response.headers;
    addVary(h, "Accept-Encoding");
    if (gzip) {
      response.body = await gzipBytes(bytes, this.#level);
      h.set("content-encoding", "gzip");
      h.set("content-length", String(response.body.byteLength));
    } else if (response.body instanceof ReadableStream) {
      response.body = bytes; // the file's stream was read
    }
    return response;
  }

  #streamed(response: Response, body: ReadableStream<Uint8Array>, gzip: boolean): Response {
    const h = response.headers;
    addVary(h, "Accept-Encoding");
    if (gzip) {
      response.body = body.pipeThrough(gzipStream(this.#level));
      h.set("content-encoding", "gzip");
      h.delete("content-length");
    } else {
      response.body = body;
    }
    return response;
  }
}
