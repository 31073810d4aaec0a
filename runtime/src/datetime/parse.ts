/**
 * Reading ISO 8601 dates, times, datetimes and durations the way pydantic does (its parser is the Rust crate
 * `speedate`): the same accepted forms, and on failure the same error text, which a 422 reports in `ctx.error`.
 */

/** Date fields. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Time-of-day fields; `offset` in seconds east of UTC, `null` when none was given. */
export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  offset: number | null;
}

/** A datetime's fields. */
export type DateTimeParts = DateParts & TimeParts;

/** A parse result: the value, or speedate's description of what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

// speedate's error texts (its `ParseError` documentation), which pydantic puts in `ctx.error`.
/** @internal */
export const E = {
  tooShort: "input is too short",
  extra: "unexpected extra characters at the end of the input",
  dateTimeSep: "invalid datetime separator, expected `T`, `t`, `_` or space",
  dateSep: "invalid date separator, expected `-`",
  dateNotExact: "Timestamp is not an exact date",
  year: "invalid character in year",
  month: "invalid character in month",
  day: "invalid character in day",
  timeSep: "invalid time separator, expected `:`",
  hour: "invalid character in hour",
  minute: "invalid character in minute",
  second: "invalid character in second",
  tzSign: "invalid timezone sign",
  tzHour: "invalid timezone hour",
  tzMinute: "invalid timezone minute",
  tzMinuteRange: "timezone minute value is outside expected range of 0-59",
  tzRange: "timezone offset must be less than 24 hours",
  monthRange: "month value is outside expected range of 1-12",
  dayRange: "day value is outside expected range",
  hourRange: "hour value is outside expected range of 0-23",
  minuteRange: "minute value is outside expected range of 0-59",
  secondRange: "second value is outside expected range of 0-59",
  fractionMissing: "second fraction digits missing after `.`",
  durationNumber: "invalid digit in duration",
  durationT: "`t` character repeated in duration",
  durationFraction: "quantity fraction invalid in duration",
  durationTimeUnit: "quantity invalid in time part of duration",
  durationDateUnit: "quantity invalid in date part of duration",
  durationDays: "\"day\" identifier in duration not correctly formatted",
  durationTooLarge: "a numeric value in the duration is too large",
  durationDaysTooLarge: "durations may not exceed 999,999,999 days",
  dateTooSmall: "dates before 1600 are not supported as unix timestamps",
  dateTooLarge: "dates after 9999 are not supported as unix timestamps",
  timeTooLarge: "numeric times may not exceed 86,399 seconds",
  yearTooSmall: "years before 1600 are not supported",
} as const;

/** The error texts, for callers that report the same conditions (numbers given as timestamps…). */
export const parseErrors = E;

class Fail {
  readonly error: string;
  constructor(error: string) {
    this.error = error;
  }
}

/** @internal Stops a parse with speedate's error text. */
export const fail = (error: string): never => {
  throw new Fail(error);
};

/** @internal Runs a parse, turning its failure into a result. */
export function attempt<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

function digit(s: string, i: number, error: string): number {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57 ? c - 48 : fail(error);
}

/** @internal */
export const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` at the start of `s` (what follows is not looked at). */
function datePrefix(s: string): DateParts {
  if (s.length < 10) fail(E.tooShort);
  const year = digit(s, 0, E.year) * 1000 + digit(s, 1, E.year) * 100 + digit(s, 2, E.year) * 10 + digit(s, 3, E.year);
  if (year < 1600) fail(E.yearTooSmall);
  if (s[4] !== "-") fail(E.dateSep);
  const month = digit(s, 5, E.month) * 10 + digit(s, 6, E.month);
  if (s[7] !== "-") fail(E.dateSep);
  const day = digit(s, 8, E.day) * 10 + digit(s, 9, E.day);
  if (month < 1 || month > 12) fail(E.monthRange);
  if (day < 1 || day > daysInMonth(year, month)) fail(E.dayRange);
  return { year, month, day };
}

/** @internal `HH:MM[:SS[.ffffff]]` from `at`; extra fraction digits past six are dropped (pydantic's default). */
export function pureTime(s: string, at: number): { hour: number; minute: number; second: number; microsecond: number; end: number } {
  if (s.length - at < 5) fail(E.tooShort);
  const hour = digit(s, at, E.hour) * 10 + digit(s, at + 1, E.hour);
  if (s[at + 2] !== ":") fail(E.timeSep);
  const minute = digit(s, at + 3, E.minute) * 10 + digit(s, at + 4, E.minute);
  if (hour > 23) fail(E.hourRange);
  if (minute > 59) fail(E.minuteRange);
  let end = at + 5;
  let second = 0;
  let microsecond = 0;
  if (s[end] === ":") {
    second = digit(s, at + 6, E.second) * 10 + digit(s, at + 7, E.second);
    if (second > 59) fail(E.secondRange);
    end = at + 8;
    if (s[end] === "." || s[end] === ",") {
      end++;
      let n = 0;
      while (isDigit(s, end)) {
        if (n < 6) microsecond = microsecond * 10 + (s.charCodeAt(end) - 48);
        n++;
        end++;
      }
      if (n === 0) fail(E.fractionMissing);
      for (let i = n; i < 6; i++) microsecond *= 10;
    }
  }
  return { hour, minute, second, microsecond, end };
}

/** @internal A time with its optional UTC offset (`Z`, `±HH:MM`, `±HHMM`), from `at` to the end of `s`. */
export function timeFrom(s: string, at: number): TimeParts {
  const t = pureTime(s, at);
  let i = t.end;
  let offset: number | null = null;
  if (i < s.length) {
    const c = s[i++];
    if (c === "Z" || c === "z") offset = 0;
    else {
      const sign = c === "+" ? 1 : c === "-" || c === "\u2212" ? -1 : fail(E.tzSign);
      const hours = digit(s, i, E.tzHour) * 10 + digit(s, i + 1, E.tzHour);
      i += s[i + 2] === ":" ? 3 : isDigit(s, i + 2) ? 2 : fail(E.tzMinute);
      const minutes = digit(s, i, E.tzMinute) * 10 + digit(s, i + 1, E.tzMinute);
      if (minutes > 59) fail(E.tzMinuteRange);
      offset = sign * (hours * 3600 + minutes * 60);
      if (Math.abs(offset) >= 86_400) fail(E.tzRange);
      i += 2;
    }
  }
  if (i < s.length) fail(E.extra);
  return { hour: t.hour, minute: t.minute, second: t.second, microsecond: t.microsecond, offset };
}

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date `days` after 1970-01-01. */
export function civilFromDays(days: number): DateParts {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

const MS_WATERSHED = 20_000_000_000;
const UNIX_1600 = -11_676_096_000;
const UNIX_9999 = 253_402_300_799;

/**
 * A Unix timestamp as pydantic reads one: seconds, or milliseconds when its magnitude passes 2e10; a UTC datetime
 * (offset 0) between 1600 and 9999.
 */
export function fromTimestamp(timestamp: number): Parsed<DateTimeParts> {
  return attempt(() => {
    const seconds = Math.abs(timestamp) > MS_WATERSHED ? timestamp / 1000 : timestamp;
    let whole = Math.floor(seconds);
    let microsecond = Math.round((seconds - whole) * 1_000_000);
    if (microsecond >= 1_000_000) {
      whole += 1;
      microsecond -= 1_000_000;
    }
    if (whole < UNIX_1600) fail(E.dateTooSmall);
    if (whole > UNIX_9999) fail(E.dateTooLarge);
    const days = Math.floor(whole / 86_400);
    const inDay = whole - days * 86_400;
    return {
      ...civilFromDays(days),
      hour: Math.floor(inDay / 3600), minute: Math.floor((inDay % 3600) / 60), second: inDay % 60, microsecond, offset: 0,
    };
  });
}

const INT = /^[+-]?\d+$/;
// speedate reads a timestamp as an integer, else, once it meets a `.`, as Rust's float: `1e10` is no timestamp
// (pydantic: "input is too short", the date parser's complaint), `1.5e3` is.
const FLOAT = /^[+-]?(?:\d+|(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;

/** `YYYY-MM-DD` (nothing else), or an integer timestamp that falls exactly on a midnight (speedate's `Date`). */
export function parseDate(s: string): Parsed<DateParts> {
  const r = attempt(() => {
    const d = datePrefix(s);
    if (s.length > 10) fail(E.extra);
    return d;
  });
  if (r.ok || !INT.test(s)) return r;
  const ts = fromTimestamp(Number(s));
  if (!ts.ok) return ts;
  const v = ts.value;
  if (v.hour || v.minute || v.second || v.microsecond) return { ok: false, error: E.dateNotExact };
  return { ok: true, value: { year: v.year, month: v.month, day: v.day } };
}

/** `HH:MM[:SS[.ffffff]][Z|±HH:MM]` (speedate's `Time`). */
export function parseTime(s: string): Parsed<TimeParts> {
  return attempt(() => timeFrom(s, 0));
}

/** `YYYY-MM-DD[T| |_|t]HH:MM[:SS[.ffffff]][Z|±HH:MM]` only (no timestamps). */
export function parseRfc3339(s: string): Parsed<DateTimeParts> {
  return attempt(() => {
    const date = datePrefix(s);
    const sep = s[10];
    if (sep !== "T" && sep !== "t" && sep !== " " && sep !== "_") fail(E.dateTimeSep);
    return { ...date, ...timeFrom(s, 11) };
  });
}

/**
 * `YYYY-MM-DD[T| |_|t]HH:MM[:SS[.ffffff]][Z|±HH:MM]`, or a numeric timestamp (speedate's `DateTime`). A date
 * alone is not a datetime here: pydantic's datetime field reads one separately (see {@link parseDatetimeField}).
 */
export function parseDateTime(s: string): Parsed<DateTimeParts> {
  const r = parseRfc3339(s);
  if (r.ok || !FLOAT.test(s)) return r;
  return fromTimestamp(Number(s));
}

/** Which pydantic error a string that is no datetime gets, and the datetime it is otherwise. */
export type DatetimeFieldResult = { ok: true; value: DateTimeParts } | { ok: false; type: "datetime_from_date_parsing"; error: string };

/**
 * A string for a pydantic `datetime` field: a datetime, else a date (at midnight, naive); when neither, the
 * error is the date parser's (`datetime_from_date_parsing`).
 */
export function parseDatetimeField(s: string): DatetimeFieldResult {
  const dt = parseDateTime(s);
  if (dt.ok) return dt;
  const d = parseDate(s);
  if (d.ok) return { ok: true, value: { ...d.value, hour: 0, minute: 0, second: 0, microsecond: 0, offset: null } };
  return { ok: false, type: "datetime_from_date_parsing", error: d.error };
}

/** What a string for a pydantic `date` field gives: a date, or pydantic's error type and text. */
export type DateFieldResult = { ok: true; value: DateParts } | { ok: false; type: "date_from_datetime_parsing" | "date_from_datetime_inexact"; error: string };

/**
 * A string for a pydantic `date` field: a date, else a datetime with a zero time (`date_from_datetime_inexact`
 * otherwise); when neither parses, the error is the datetime parser's (`date_from_datetime_parsing`).
 */
export function parseDateField(s: string): DateFieldResult {
  const d = parseDate(s);
  if (d.ok) return d;
  const dt = parseDateTime(s);
  if (!dt.ok) return { ok: false, type: "date_from_datetime_parsing", error: dt.error };
  const v = dt.value;
  if (v.hour || v.minute || v.second || v.microsecond) return { ok: false, type: "date_from_datetime_inexact", error: "" };
  return { ok: true, value: { year: v.year, month: v.month, day: v.day } };
}
