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
const PREAMBLE = 0;
const AFTER_BOUNDARY = 1;
const HEADERS = 2;
const BODY = 3;
const DONE = 4;

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

/** Scans one multipart body for `boundary`. */
export class MultipartScanner {
  readonly #dashBoundary: Uint8Array;
  readonly #delimiter: Uint8Array;
  readonly #maxHeaderSize: number;
  #state: number = PREAMBLE;
  #rest: Uint8Array | null = null;

  constructor(boundary: string, maxHeaderSize: number) {
    if (!/^[\x21-\x7e ]{1,200}$/.test(boundary) || boundary.endsWith(" ")) throw formError("Invalid boundary in multipart.");
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
        case PREAMBLE: {
          // The first boundary may follow a preamble, which is ignored.
          const found = indexOf(buf, this.#dashBoundary, at);
          if (found === -1) {
            this.#keep(buf, tailStart(buf, this.#dashBoundary, at));
            return;
          }
          at = found + this.#dashBoundary.length;
          this.#state = AFTER_BOUNDARY;
          break;
        }
        case AFTER_BOUNDARY: {
          // `--` closes the body; otherwise optional spaces (RFC 2046 transport padding) then CRLF open a part.
          let i = at;
          while (i < buf.length && (buf[i] === 32 || buf[i] === 9)) i++;
          if (buf.length - i < 2) {
            if (buf.length - at > 1024) throw formError("Invalid multipart boundary line.");
            this.#keep(buf, at);
            return;
          }
          if (buf[i] === DASH && buf[i + 1] === DASH) {
            this.#state = DONE;
            return;
          }
          if (buf[i] !== CR || buf[i + 1] !== LF) throw formError("Invalid multipart boundary line.");
          at = i + 2;
          this.#state = HEADERS;
          break;
        }
        case HEADERS: {
          // A part without headers starts with the empty line at once.
          let end = buf.length - at >= 2 && buf[at] === CR && buf[at + 1] === LF ? at : indexOf(buf, headerEnd, at);
          if (end === -1) {
            if (buf.length - at > this.#maxHeaderSize) throw partHeadersTooLarge(this.#maxHeaderSize);
            this.#keep(buf, at);
            return;
          }
          if (end - at > this.#maxHeaderSize) throw partHeadersTooLarge(this.#maxHeaderSize);
          out.push({ type: "headers", headers: buf.subarray(at, end) });
          at = end === at ? end + 2 : end + 4;
          this.#state = BODY;
          break;
        }
        case BODY: {
          const found = indexOf(buf, this.#delimiter, at);
          if (found === -1) {
            const keep = tailStart(buf, this.#delimiter, at);
            if (keep > at) out.push({ type: "data", data: buf.subarray(at, keep) });
            this.#keep(buf, keep);
            return;
          }
          if (found > at) out.push({ type: "data", data: buf.subarray(at, found) });
          out.push({ type: "end" });
          at = found + this.#delimiter.length;
          this.#state = AFTER_BOUNDARY;
          break;
        }
        case DONE:
          return; // the epilogue is ignored
      }
    }
  }

  /** Checks that the body ended with its closing boundary. */
  finish(): void {
    if (this.#state !== DONE) throw formError("Malformed multipart body: it ends before its closing boundary.");
  }

  #keep(buf: Uint8Array, from: number): void {
    // Copied: a view would keep the whole chunk alive.
    this.#rest = from < buf.length ? buf.slice(from) : null;
  }
}

const headerEnd = Uint8Array.of(CR, LF, CR, LF);

function partHeadersTooLarge(max: number) {
  return formError(`Part headers exceeded maximum size of ${Math.floor(max / 1024)}KB.`);
}

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

/** Reads a part's header block. Throws 400 when its `Content-Disposition` has no `name`, as Starlette does. */
export function parsePartHeaders(block: Uint8Array): PartInfo {
  const headers: [string, string][] = [];
  for (const line of utf8.decode(block).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
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
