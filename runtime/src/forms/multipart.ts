/**
 * A streaming `multipart/form-data` scanner (RFC 7578 / RFC 2046): bytes go in chunk by chunk, part events come out.
 * It keeps at most one part's header block and a boundary's length of bytes between chunks, so a body of any size
 * is scanned in constant memory; what to keep of each part is the caller's choice.
 * @packageDocumentation
 */
import { formError } from "./limits.ts";

/** What the scanner found in a chunk, in order. `data` views the chunk: copy it to keep it. */
export type PartEvent =
  | { type: "headers"; headers: Uint8Array }
  | { type: "data"; data: Uint8Array }
  | { type: "end" };

const CR = 13;
const LF = 10;
const DASH = 45;

// Scanner states.
const START = 0;
const FIRST_BOUNDARY = 1;
const AFTER_BOUNDARY = 2;
const HEADERS = 3;
const BODY = 4;
const DONE = 5;
const LEADING_NEWLINES = 6;

/** python-multipart's longest boundary. */
const MAX_BOUNDARY_LENGTH = 256;

/**
 * A body python-multipart cannot parse: Starlette answers 400 "Invalid multipart data." whatever the fault (a
 * boundary too long, a body not starting with its boundary, a boundary line not ending in CRLF, a bad header line).
 */
export const invalidMultipart = (): ReturnType<typeof formError> => formError("Invalid multipart data.");

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** First index of `needle` in `hay` at or after `from`, or -1. */
function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const n = needle.length;
  const first = needle[0]!;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= hay.length - n; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

/** Where a prefix of `needle` starts at the very end of `hay` (at or after `from`), or `hay.length`. */
function tailStart(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (let i = hay.indexOf(first, Math.max(from, hay.length - needle.length + 1)); i !== -1; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (i + j < hay.length && hay[i + j] === needle[j]) j++;
    if (i + j === hay.length) return i;
  }
  return hay.length;
}

/**
 * Scans one multipart body for `boundary`, as python-multipart (Starlette's parser) reads one: the body starts with
 * its first boundary (after leading newlines, which skip to the next `-`), each boundary line ends in CRLF, a
 * delimiter in a part's data followed by anything but CRLF or `--` is data, the epilogue is ignored, and a body that
 * ends early keeps the parts completed so far.
 */
export class MultipartScanner {
  readonly #dashBoundary: Uint8Array;
  readonly #delimiter: Uint8Array;
  readonly #maxHeaderSize: number;
  #state: number = START;
  #rest: Uint8Array | null = null;

  constructor(boundary: string, maxHeaderSize: number) {
    if (boundary.length > MAX_BOUNDARY_LENGTH) throw invalidMultipart();
    this.#dashBoundary = ascii(`--${boundary}`);
    this.#delimiter = ascii(`\r\n--${boundary}`);
    this.#maxHeaderSize = maxHeaderSize;
  }

  /** Scans the next chunk, appending what it found to `out`. Throws a 400 `HTTPException` on malformed input. */
  push(chunk: Uint8Array, out: PartEvent[]): void {
    let buf = chunk;
    if (this.#rest) {
      buf = new Uint8Array(this.#rest.length + chunk.length);
      buf.set(this.#rest);
      buf.set(chunk, this.#rest.length);
      this.#rest = null;
    }
    let at = 0;
    for (;;) {
      switch (this.#state) {
        case START:
        case LEADING_NEWLINES: {
          if (at >= buf.length) return;
          // Leading newlines skip to the next `-` (python-multipart); anything else must be the boundary at once.
          if (this.#state === LEADING_NEWLINES || buf[at] === CR || buf[at] === LF) {
            const dash = buf.indexOf(DASH, at);
            if (dash === -1) {
              this.#state = LEADING_NEWLINES;
              return;
            }
            at = dash;
          }
          this.#state = FIRST_BOUNDARY;
          break;
        }
        case FIRST_BOUNDARY: {
          const want = this.#dashBoundary;
          const n = Math.min(want.length, buf.length - at);
          for (let j = 0; j < n; j++) if (buf[at + j] !== want[j]) throw invalidMultipart();
          if (n < want.length) {
            this.#keep(buf, at);
            return;
          }
          at += want.length;
          this.#state = AFTER_BOUNDARY;
          break;
        }
        case AFTER_BOUNDARY: {
          // The first boundary line: `--` closes the body, CRLF opens a part; anything else is malformed.
          if (buf.length - at < 2) {
            if (buf.length > at && buf[at] !== DASH && buf[at] !== CR) throw invalidMultipart();
            this.#keep(buf, at);
            return;
          }
          if (buf[at] === DASH && buf[at + 1] === DASH) {
            this.#state = DONE;
            return;
          }
          if (buf[at] !== CR || buf[at + 1] !== LF) throw invalidMultipart();
          at += 2;
          this.#state = HEADERS;
          break;
        }
        case HEADERS: {
          // A part without headers starts with the empty line at once.
          let end = buf.length - at >= 2 && buf[at] === CR && buf[at + 1] === LF ? at : indexOf(buf, headerEnd, at);
          if (end === -1) {
            if (buf.length - at > this.#maxHeaderSize) throw invalidMultipart();
            this.#keep(buf, at);
            return;
          }
          if (end - at > this.#maxHeaderSize) throw invalidMultipart();
          out.push({ type: "headers", headers: buf.subarray(at, end) });
          at = end === at ? end + 2 : end + 4;
          this.#state = BODY;
          break;
        }
        case BODY: {
          // A delimiter ends the part only when CRLF (another part) or `--` (the end) follows it; else it is data.
          let found = indexOf(buf, this.#delimiter, at);
          let after = found + this.#delimiter.length;
          while (found !== -1 && after + 2 <= buf.length && !(buf[after] === CR && buf[after + 1] === LF)
            && !(buf[after] === DASH && buf[after + 1] === DASH)) {
            found = indexOf(buf, this.#delimiter, found + 1);
            after = found + this.#delimiter.length;
          }
          if (found === -1 || after + 2 > buf.length) {
            const keep = found === -1 ? tailStart(buf, this.#delimiter, at) : found;
            if (keep > at) out.push({ type: "data", data: buf.subarray(at, keep) });
            this.#keep(buf, keep);
            return;
          }
          if (found > at) out.push({ type: "data", data: buf.subarray(at, found) });
          out.push({ type: "end" });
          if (buf[after] === DASH) {
            this.#state = DONE;
            return;
          }
          at = after + 2;
          this.#state = HEADERS;
          break;
        }
        case DONE:
          return; // the epilogue is ignored
      }
    }
  }

  /**
   * The body ended: whether it reached its closing boundary. A body that ends early is not an error (python-multipart
   * finalizes without complaint): the parts completed so far are the form, the unfinished one is dropped.
   */
  finish(): boolean {
    return this.#state === DONE;
  }

  #keep(buf: Uint8Array, from: number): void {
    // Copied: a view would keep the whole chunk alive.
    this.#rest = from < buf.length ? buf.slice(from) : null;
  }
}

const headerEnd = Uint8Array.of(CR, LF, CR, LF);

/** A header value split into its main value and `;`-separated parameters (quoted strings unescaped). */
export function parseHeaderParams(value: string): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const semi = value.indexOf(";");
  const main = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  let i = semi === -1 ? value.length : semi + 1;
  while (i < value.length) {
    while (i < value.length && (value[i] === " " || value[i] === "\t" || value[i] === ";")) i++;
    let eq = i;
    while (eq < value.length && value[eq] !== "=" && value[eq] !== ";") eq++;
    const key = value.slice(i, eq).trim().toLowerCase();
    i = eq;
    let v = "";
    if (value[i] === "=") {
      i++;
      while (value[i] === " " || value[i] === "\t") i++;
      if (value[i] === '"') {
        i++;
        while (i < value.length && value[i] !== '"') {
          if (value[i] === "\\" && i + 1 < value.length) i++;
          v += value[i];
          i++;
        }
        i++;
        while (i < value.length && value[i] !== ";") i++;
      } else {
        const start = i;
        while (i < value.length && value[i] !== ";") i++;
        v = value.slice(start, i).trim();
      }
    }
    if (key && !params.has(key)) params.set(key, v);
  }
  return { value: main, params };
}

/** A part's headers, as the form needs them. */
export interface PartInfo {
  /** The `name` of its `Content-Disposition`. */
  name: string;
  /** The file name (a part with one is a file, even an empty one), or `null` for a field. */
  filename: string | null;
  /** Its `Content-Type`, or `null`. */
  contentType: string | null;
  /** All of its headers. */
  headers: [string, string][];
}

const utf8 = new TextDecoder();

/** python-multipart's bounds on one part's headers: how many, and how long each line. */
const MAX_HEADER_COUNT = 8;
const MAX_HEADER_SIZE = 4096 + 128;
/** A header line as python-multipart takes it: an RFC 7230 token, a colon, then the value (no lone CR). */
const headerLine = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+:[^\r]*$/;

/**
 * Reads a part's header block. Throws 400 when its `Content-Disposition` has no `name`, as Starlette does, or when
 * python-multipart would not parse it (a line that is not `token: value`, more than 8 headers, a line over 4224
 * bytes): "Invalid multipart data.".
 */
export function parsePartHeaders(block: Uint8Array): PartInfo {
  const headers: [string, string][] = [];
  const lines = block.length ? utf8.decode(block).split("\r\n") : [];
  if (lines.length > MAX_HEADER_COUNT) throw invalidMultipart();
  for (const line of lines) {
    if (line.length > MAX_HEADER_SIZE || !headerLine.test(line)) throw invalidMultipart();
    const colon = line.indexOf(":");
    headers.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]);
  }
  const disposition = headers.find(([k]) => k === "content-disposition")?.[1];
  const { params } = parseHeaderParams(disposition ?? "");
  const name = params.get("name");
  if (name === undefined) throw formError('The Content-Disposition header field "name" must be provided.');
  let filename: string | null = params.get("filename") ?? null;
  const extended = params.get("filename*");
  if (extended !== undefined) {
    // RFC 5987: charset'lang'percent-encoded
    const m = /^([^']*)'[^']*'(.*)$/.exec(extended);
    if (m) {
      try {
        filename = decodeURIComponent(m[2]!);
      } catch { /* keep the plain filename */ }
    }
  }
  // Old browsers sent the whole Windows path; keep its last segment, as python-multipart does.
  if (filename !== null && /^(?:[A-Za-z]:\\|\\\\)/.test(filename)) filename = filename.slice(filename.lastIndexOf("\\") + 1);
  return { name, filename, contentType: headers.find(([k]) => k === "content-type")?.[1] ?? null, headers };
}
