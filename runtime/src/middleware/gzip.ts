import type { Request } from "../request.ts";
import { statusHasNoBody, type Response } from "../responses.ts";
import { addVary, type Dispatch, type MiddlewareInstance } from "./base.ts";

/** Options of {@link GZipMiddleware}. */
export interface GZipOptions {
  /** Bodies smaller than this many bytes are sent as they are (default 500). Streams are always compressed. */
  minimumSize?: number;
  /**
   * Compression level 1–9 (default 9). Applied where the host has zlib (Node, Deno, Bun) for whole bodies;
   * streamed bodies, and every body in a browser, use `CompressionStream`'s own level.
   */
  compresslevel?: number;
  /** Media types never compressed (default `["text/event-stream"]`). */
  excludedContentTypes?: readonly string[];
}

interface Zlib {
  gzipSync(data: Uint8Array, options: { level: number }): Uint8Array;
}

function hostZlib(): Zlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.("node:zlib") as Zlib | undefined) ?? null;
}

async function gzipBytes(data: Uint8Array, level: number): Promise<Uint8Array> {
  const zlib = hostZlib();
  if (zlib) return new Uint8Array(zlib.gzipSync(data, { level }));
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new globalThis.Response(stream).arrayBuffer());
}

/**
 * Compresses responses with gzip for clients that accept it (Starlette's `GZipMiddleware`): small whole bodies
 * and responses that already have a `Content-Encoding` are left alone; streamed bodies are compressed as they
 * stream (with `CompressionStream`, so it runs in browsers too). Adds `Vary: Accept-Encoding` when it compresses.
 */
export class GZipMiddleware implements MiddlewareInstance {
  readonly #app: Dispatch;
  readonly #minimumSize: number;
  readonly #level: number;
  readonly #excluded: readonly string[];

  constructor(app: Dispatch, options: GZipOptions = {}) {
    this.#app = app;
    this.#minimumSize = options.minimumSize ?? 500;
    this.#level = options.compresslevel ?? 9;
    this.#excluded = options.excludedContentTypes ?? ["text/event-stream"];
  }

  async handle(request: Request): Promise<Response> {
    const accepts = (request.headers.get("accept-encoding") ?? "").toLowerCase().includes("gzip");
    const response = await this.#app(request);
    if (!accepts || request.method === "HEAD") return response;
    const h = response.headers;
    const type = (h.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (h.has("content-encoding") || this.#excluded.includes(type) || response.body === null) return response;
    if (statusHasNoBody(response.status)) return response;
    const body = response.body;
    if (typeof body === "string" || body instanceof Uint8Array) {
      const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
      if (bytes.byteLength < this.#minimumSize) return response;
      response.body = await gzipBytes(bytes, this.#level);
      h.set("content-length", String(response.body.byteLength));
    } else {
      response.body = body.pipeThrough(new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
      h.delete("content-length");
    }
    h.set("content-encoding", "gzip");
    addVary(h, "Accept-Encoding");
    return response;
  }
}
