/**
 * An uploaded file (FastAPI's `UploadFile`), received by a parameter declared with `UploadFile` or
 * `File({ upload: true })`. Wraps the Web `File` of the parsed form.
 */
export class UploadFile {
  /** The file name the client sent, or `null`. */
  readonly filename: string | null;
  /** The part's content type (e.g. `image/png`). */
  readonly contentType: string;
  /** Size in bytes. */
  readonly size: number;
  /** The part's headers. */
  readonly headers: Headers;
  /** The underlying Web `File`/`Blob`. */
  readonly file: Blob;

  constructor(file: Blob, options: { filename?: string | null; headers?: HeadersInit } = {}) {
    this.file = file;
    this.filename = options.filename !== undefined ? options.filename : (file as File).name ?? null;
    this.contentType = file.type || "application/octet-stream";
    this.size = file.size;
    this.headers = new Headers(options.headers);
    if (!this.headers.has("content-type")) this.headers.set("content-type", this.contentType);
  }

  /** Reads the whole content as bytes. */
  async read(): Promise<Uint8Array> {
    return new Uint8Array(await this.file.arrayBuffer());
  }

  /** Reads the whole content as UTF-8 text. */
  text(): Promise<string> {
    return this.file.text();
  }

  /** Streams the content. */
  stream(): ReadableStream<Uint8Array> {
    return this.file.stream();
  }
}
