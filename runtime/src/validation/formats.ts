import { parseDate, parseDateField, parseDatetimeField, parseRfc3339, parseTime } from "../datetime/parse.ts";

const HEX = /^[0-9a-fA-F]+$/;

/** Whether a zod string format is a UUID (`z.uuid()`, `z.guid()`): pydantic's `UUID`. */
export function isUuidFormat(format: unknown): boolean {
  return format === "uuid" || format === "guid";
}

/**
 * The UUID pydantic reads from `s`, in its canonical form (lowercase, hyphenated), or `null`. Like the Rust `uuid`
 * crate under pydantic: 32 hex digits, the hyphenated form, either in `{…}`, or after `urn:uuid:`; any version and
 * variant, either case.
 */
export function parseUuid(s: string): string | null {
  let hex: string;
  if (s.length === 32) hex = s;
  else {
    const body = s.length === 36 ? s : s.length === 38 && s[0] === "{" && s[37] === "}" ? s.slice(1, 37)
      : s.length === 45 && s.startsWith("urn:uuid:") ? s.slice(9) : null;
    if (body === null || body[8] !== "-" || body[13] !== "-" || body[18] !== "-" || body[23] !== "-") return null;
    hex = body.slice(0, 8) + body.slice(9, 13) + body.slice(14, 18) + body.slice(19, 23) + body.slice(24);
  }
  if (!HEX.test(hex)) return null;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The error text of the Rust `uuid` crate (pydantic 2.13) for a string {@link parseUuid} does not read. */
export function uuidError(s: string): string {
  // pydantic reads it; only a stricter zod schema (`z.uuid()`: RFC 9562 versions and variant) refuses it.
  if (parseUuid(s) !== null) return "invalid format";
  let body = s;
  let offset = 0;
  let simple = true;
  if (s.length >= 2 && s[0] === "{" && s[s.length - 1] === "}") [body, offset, simple] = [s.slice(1, -1), 1, false];
  else if (s.startsWith("urn:uuid:")) [body, offset, simple] = [s.slice(9), 9, false];
  const bytes = new TextEncoder();
  let hyphens = 0;
  const bounds: number[] = [];
  let index = 0; // a UTF-8 byte offset, as the crate counts
  for (const c of body) {
    if (c === "-") {
      if (hyphens < 4) bounds.push(index);
      hyphens++;
    } else if (!/^[0-9a-fA-F]$/.test(c)) {
      return `invalid character: found \`${c}\` at ${index + offset + 1}`;
    }
    index += bytes.encode(c).length;
  }
  if (hyphens === 0 && simple) return `invalid length: expected length 32 for simple format, found ${bytes.encode(s).length}`;
  if (hyphens !== 4) return `invalid group count: expected 5, found ${hyphens + 1}`;
  const starts = [0, 9, 14, 19, 24];
  const want = [8, 4, 4, 4, 12];
  for (let i = 0; i < 4; i++) {
    if (bounds[i] !== starts[i + 1]! - 1) return `invalid group length in group ${i}: expected ${want[i]}, found ${bounds[i]! - starts[i]!}`;
  }
  // The crate measures the last group from the whole input, prefix and braces included.
  return `invalid group length in group 4: expected 12, found ${bytes.encode(s).length - 24}`;
}

const EXTRA = "unexpected extra characters at the end of the input";

/**
 * The error pydantic reports for a string its `datetime` does not read (`datetime_from_date_parsing`). For a
 * string pydantic would read but a stricter zod format refuses (a timestamp, an offset `z.iso.datetime()`
 * forbids), the ISO 8601 reader's own complaint.
 */
export function datetimeError(s: string): string {
  const r = parseDatetimeField(s);
  if (!r.ok) return r.error;
  const iso = parseRfc3339(s);
  return iso.ok ? EXTRA : iso.error;
}

/** pydantic's error for a string its `date` does not read: type, message and context (see {@link datetimeError}). */
export function dateError(s: string): { type: string; msg: string; ctx?: { error: string } } {
  const r = parseDateField(s);
  if (r.ok) {
    const d = parseDate(s);
    const error = d.ok || /^[+-]?\d+$/.test(s) ? EXTRA : d.error;
    return { type: "date_from_datetime_parsing", msg: `Input should be a valid date or datetime, ${error}`, ctx: { error } };
  }
  if (r.type === "date_from_datetime_inexact") return { type: r.type, msg: "Datetimes provided to dates should have zero time - e.g. be exact dates" };
  return { type: r.type, msg: `Input should be a valid date or datetime, ${r.error}`, ctx: { error: r.error } };
}

/** pydantic's error text for a string its `time` does not read (see {@link datetimeError}). */
export function timeError(s: string): string {
  const r = parseTime(s);
  return r.ok ? EXTRA : r.error;
}
