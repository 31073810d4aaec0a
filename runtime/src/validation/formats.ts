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

/** speedate's error for an invalid date string (common cases). */
export function dateError(s: string): string {
  if (s.length < 10) return "input is too short";
  if (!/^\d{4}/.test(s)) return "invalid character in year";
  if (s[4] !== "-") return "invalid date separator, expected `-`";
  if (!/^\d\d/.test(s.slice(5))) return "invalid character in month";
  if (s[7] !== "-") return "invalid date separator, expected `-`";
  if (!/^\d\d/.test(s.slice(8))) return "invalid character in day";
  const month = Number(s.slice(5, 7));
  if (month < 1 || month > 12) return "month value is outside expected range of 1-12";
  if (s.length > 10) return "unexpected extra characters at the end of the input";
  return "day value is outside expected range";
}

/** speedate's error for an invalid datetime string (common cases). */
export function datetimeError(s: string): string {
  if (s.length < 10) return "input is too short";
  const date = dateError(s.slice(0, 10));
  if (date !== "day value is outside expected range") return date;
  if (s.length === 10) return "day value is outside expected range";
  if (!/[Tt _]/.test(s[10]!)) return "unexpected extra characters at the end of the input";
  return "invalid character in hour";
}
