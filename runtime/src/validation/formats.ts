import { parseDate, parseDateField, parseDatetimeField, parseRfc3339, parseTime } from "../datetime/parse.ts";

/** Error texts of the Rust `uuid` crate, as pydantic's `uuid_parsing` reports them (common cases). */
export function uuidError(s: string): string {
  const body = s.startsWith("urn:uuid:") ? s.slice(9) : s;
  const bad = [...body].findIndex((c) => !/[0-9a-fA-F-]/.test(c));
  if (bad !== -1) {
    return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${[...body][bad]}\` at ${bad + 1}`;
  }
  if (!body.includes("-")) return `invalid length: expected length 32 for simple format, found ${body.length}`;
  const groups = body.split("-");
  if (groups.length !== 5) return `invalid group count: expected 5, found ${groups.length}`;
  const want = [8, 4, 4, 4, 12];
  for (let i = 0; i < 5; i++) {
    if (groups[i]!.length !== want[i]) return `invalid group length in group ${i}: expected ${want[i]}, found ${groups[i]!.length}`;
  }
  return "invalid format";
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
