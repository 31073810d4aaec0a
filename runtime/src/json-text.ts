/**
 * A JSON body's bytes as FastAPI reads them (`json.loads(body)` in Python): the encoding told from the first bytes
 * (UTF-8, UTF-8 with a BOM, UTF-16 or UTF-32, as RFC 4627 and Python's `json.detect_encoding` do), bytes invalid in
 * it refused rather than replaced, and nesting bounded as Python's parser bounds it.
 * @packageDocumentation
 */

/** The bytes are not text in the encoding their first bytes announce. */
export class InvalidJsonEncoding extends Error {
  constructor() {
    super("The JSON body is not valid UTF-8, UTF-16 or UTF-32");
    this.name = "InvalidJsonEncoding";
  }
}

// Perf: shared decoders (`decode()` without `stream` keeps no state between calls).
const decoders = new Map<string, TextDecoder>();
function decoder(label: "utf-8" | "utf-16le" | "utf-16be"): TextDecoder {
  let d = decoders.get(label);
  if (d === undefined) decoders.set(label, (d = new TextDecoder(label, { fatal: true })));
  return d;
}

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

/** Python's `json.detect_encoding`: a BOM, else the pattern of zero bytes among the first four. */
function detectEncoding(b: Uint8Array): Encoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return "utf-32be";
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return "utf-32le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b.length >= 4) {
    if (b[0] === 0) return b[1] ? "utf-16be" : "utf-32be";
    if (b[1] === 0) return b[2] || b[3] ? "utf-16le" : "utf-32le";
  } else if (b.length === 2) {
    if (b[0] === 0) return "utf-16be";
    if (b[1] === 0) return "utf-16le";
  }
  return "utf-8";
}

/** UTF-32 by hand (the Encoding Standard has no UTF-32 decoder); a leading BOM is dropped, as Python's codec does. */
function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  if (b.byteLength % 4 !== 0) throw new InvalidJsonEncoding();
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let out = "";
  for (let at = 0; at < b.byteLength; at += 4) {
    const cp = view.getUint32(at, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new InvalidJsonEncoding();
    if (at === 0 && cp === 0xfeff) continue;
    out += String.fromCodePoint(cp);
  }
  return out;
}

/**
 * The text of a JSON body. Throws {@link InvalidJsonEncoding} for bytes that are not valid in the detected
 * encoding (FastAPI answers those with 400, "There was an error parsing the body").
 */
export function jsonText(bytes: Uint8Array): string {
  // Perf: the usual body starts with `{` or `[` (no BOM, no zero byte): UTF-8 without detection.
  const encoding = bytes[0] !== 0 && bytes[1] !== 0 && bytes[0] !== 0xef && bytes[0] !== 0xfe && bytes[0] !== 0xff ? "utf-8" : detectEncoding(bytes);
  try {
    if (encoding === "utf-32le" || encoding === "utf-32be") return decodeUtf32(bytes, encoding === "utf-32le");
    // The WHATWG decoders drop a leading BOM, as Python's utf-8-sig and utf-16 codecs do.
    return decoder(encoding).decode(bytes);
  } catch (error) {
    if (error instanceof InvalidJsonEncoding) throw error;
    throw new InvalidJsonEncoding();
  }
}

/**
 * The deepest nesting of arrays and objects a JSON body may have. Python's parser recurses per level and stops at
 * the interpreter's recursion limit, about 960 levels inside a FastAPI request, which FastAPI answers with 400; here
 * the same bound also keeps recursive validators and encoders far from the engine's stack limit.
 */
export const MAX_JSON_DEPTH = 950;

/** Whether JSON `text` (already parsed, so well-formed) nests arrays and objects deeper than `max`. */
export function nestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  // Perf: nesting deeper than `max` takes more than `max` characters; the usual body is not scanned.
  if (text.length <= max) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string, escapes included (the text is valid JSON: every string ends).
      for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
