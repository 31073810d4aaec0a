/**
 * Parses a request body as a form while it arrives: urlencoded pairs and multipart fields into a `FormData`, files
 * in memory up to `spoolMaxSize` and then through the host's {@link Spooler} (a temporary file on Node).
 * @packageDocumentation
 */
import { formError, partTooLarge, tooManyFields, tooManyFiles, type FormLimits } from "./limits.ts";
import { MultipartScanner, parseHeaderParams, parsePartHeaders, type PartEvent, type PartInfo } from "./multipart.ts";
import type { SpoolFile, Spooler } from "./spool.ts";
import { UrlencodedReader } from "./urlencoded.ts";
import { concatBytes } from "../bytes.ts";

/** What {@link readForm} needs besides the body. */
export interface FormSource {
  /** The request's `Content-Type`. */
  contentType: string;
  /** The body's chunks. */
  body: AsyncIterable<Uint8Array>;
  limits: FormLimits;
  /** Where large files go; without one they stay in memory. */
  spooler?: Spooler;
  /** Called with each spooled file, to be discarded once the response is sent. */
  onSpooled?: (file: SpoolFile) => void;
}

// A chunk larger than this is scanned in slices, with a turn of the event loop between them: one huge chunk (a body
// handed over whole) never holds the loop for long.
const SLICE = 1024 * 1024;

async function* sliced(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    if (chunk.length <= SLICE) {
      yield chunk;
      continue;
    }
    for (let at = 0; at < chunk.length; at += SLICE) {
      if (at > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
      yield chunk.subarray(at, at + SLICE);
    }
  }
}

/**
 * Reads a form body: `application/x-www-form-urlencoded` or `multipart/form-data` (any other type gives an empty
 * form, as Starlette's `request.form()`). Throws a 400 `HTTPException` when the body is malformed or breaks a limit.
 */
export async function readForm(source: FormSource): Promise<FormData> {
  const { value: type, params } = parseHeaderParams(source.contentType);
  if (type === "application/x-www-form-urlencoded") {
    const reader = new UrlencodedReader(source.limits.maxFields);
    for await (const chunk of sliced(source.body)) reader.push(chunk);
    return reader.finish();
  }
  if (type !== "multipart/form-data") return new FormData();
  const boundary = params.get("boundary");
  if (!boundary) throw formError("Missing boundary in multipart.");
  return readMultipart(source, boundary);
}

async function readMultipart(source: FormSource, boundary: string): Promise<FormData> {
  const { limits } = source;
  const scanner = new MultipartScanner(boundary, limits.maxPartHeaderSize);
  const form = new FormData();
  const events: PartEvent[] = [];
  const spooled: SpoolFile[] = [];
  let fields = 0;
  let files = 0;
  let part: FieldPart | FilePart | null = null;
  try {
    for await (const chunk of sliced(source.body)) {
      scanner.push(chunk, events);
      for (const event of events) {
        if (event.type === "headers") {
          const info = parsePartHeaders(event.headers);
          if (info.filename === null) {
            if (++fields > limits.maxFields) throw tooManyFields(limits.maxFields);
            part = new FieldPart(info, limits.maxPartSize);
          } else {
            if (++files > limits.maxFiles) throw tooManyFiles(limits.maxFiles);
            part = new FilePart(info, limits.spoolMaxSize, source.spooler, spooled);
          }
        } else if (event.type === "data") {
          const p = part!.write(event.data);
          if (p) await p;
        } else {
          const done = part!;
          part = null;
          if (done instanceof FieldPart) form.append(done.info.name, done.text());
          else form.append(done.info.name, await done.finish());
        }
      }
      events.length = 0;
    }
    // A body that ends before its closing boundary keeps the parts completed so far (python-multipart's finalize);
    // the unfinished part is dropped (a spooled file of it is discarded with the others after the response).
    scanner.finish();
  } catch (error) {
    await Promise.all(spooled.map((f) => f.discard()));
    throw error;
  }
  for (const f of spooled) source.onSpooled?.(f);
  return form;
}

const utf8 = new TextDecoder();

/** A non-file part: kept in memory, at most `maxPartSize` bytes. */
class FieldPart {
  readonly info: PartInfo;
  readonly #max: number;
  readonly #chunks: Uint8Array<ArrayBuffer>[] = [];
  #size = 0;

  constructor(info: PartInfo, max: number) {
    this.info = info;
    this.#max = max;
  }

  write(data: Uint8Array): void {
    this.#size += data.length;
    if (this.#size > this.#max) throw partTooLarge(this.#max);
    this.#chunks.push(data.slice());
  }

  text(): string {
    return utf8.decode(concatBytes(this.#chunks));
  }
}

/** A file part: in memory up to the spool threshold, then written to a {@link SpoolFile} as it arrives. */
class FilePart {
  readonly info: PartInfo;
  readonly #threshold: number;
  readonly #spooler: Spooler | undefined;
  readonly #spooled: SpoolFile[];
  #chunks: Uint8Array<ArrayBuffer>[] = [];
  #size = 0;
  #file: SpoolFile | null = null;

  constructor(info: PartInfo, threshold: number, spooler: Spooler | undefined, spooled: SpoolFile[]) {
    this.info = info;
    this.#threshold = threshold;
    this.#spooler = spooler;
    this.#spooled = spooled;
  }

  write(data: Uint8Array): Promise<void> | void {
    this.#size += data.length;
    if (this.#file) return this.#file.write(data);
    this.#chunks.push(data.slice());
    if (this.#spooler && this.#size > this.#threshold) return this.#spool(this.#spooler);
  }

  async #spool(spooler: Spooler): Promise<void> {
    const file = await spooler.create();
    this.#file = file;
    this.#spooled.push(file);
    const held = this.#chunks;
    this.#chunks = [];
    for (const c of held) await file.write(c);
  }

  async finish(): Promise<File> {
    // Without a Content-Type, a file part is text/plain (the Fetch standard's multipart parsing, as before).
    const type = this.info.contentType ?? "text/plain";
    const name = this.info.filename ?? "";
    if (!this.#file) return new File(this.#chunks, name, { type });
    return new File([await this.#file.finish(type)], name, { type });
  }
}
