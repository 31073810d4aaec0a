/** Reading durations as pydantic does (speedate's `Duration`), with the same error texts. */
import { MAX_DAYS } from "./base.ts";
import { E, attempt, fail, isDigit, pureTime, type Parsed } from "./parse.ts";

/** A duration as speedate holds it: a sign and non-negative days, seconds (< 86400) and microseconds. */
export interface DurationParts {
  positive: boolean;
  day: number;
  second: number;
  microsecond: number;
}

function checkedAdd(a: number, b: number): number {
  const r = a + b;
  return r > 0xffff_ffff ? fail(E.durationTooLarge) : r;
}

/** Normalises microseconds into seconds and seconds into days, as speedate does. */
function normalizeDuration(d: DurationParts): DurationParts {
  let { day, second, microsecond } = d;
  if (microsecond >= 1_000_000) {
    second = checkedAdd(second, Math.floor(microsecond / 1_000_000));
    microsecond %= 1_000_000;
  }
  if (second >= 86_400) {
    day = checkedAdd(day, Math.floor(second / 86_400));
    second %= 86_400;
  }
  if (day > MAX_DAYS) fail(E.durationDaysTooLarge);
  return { positive: d.positive, day, second, microsecond };
}

function durationNumber(s: string, at: number): { value: number; fraction: number | null; end: number } {
  if (!isDigit(s, at)) fail(E.durationNumber);
  let value = 0;
  let i = at;
  while (isDigit(s, i)) {
    value = value * 10 + (s.charCodeAt(i++) - 48);
    if (value > 0xffff_ffff) fail(E.durationTooLarge);
  }
  if (s[i] !== "." && s[i] !== ",") return { value, fraction: null, end: i };
  let decimal = 0;
  let denominator = 1;
  for (i++; isDigit(s, i); i++) {
    decimal = decimal * 10 + (s.charCodeAt(i) - 48);
    denominator *= 10;
  }
  return { value, fraction: decimal / denominator, end: i };
}

const DATE_UNITS: Record<string, number> = { Y: 365, M: 30, W: 7, D: 1 };
const TIME_UNITS: Record<string, number> = { H: 3600, M: 60, S: 1 };

/** `PnYnMnWnDTnHnMnS` after the `P` (years of 365 days, months of 30; a fraction only on the last quantity). */
function isoDuration(s: string, at: number): Omit<DurationParts, "positive"> {
  let gotT = false;
  let lastHadFraction = false;
  let day = 0;
  let second = 0;
  let microsecond = 0;
  let i = at;
  for (; i < s.length; i++) {
    if (s[i] === "T") {
      if (gotT) fail(E.durationT);
      gotT = true;
      continue;
    }
    const n = durationNumber(s, i);
    if (lastHadFraction) fail(E.durationFraction);
    if (n.fraction !== null) lastHadFraction = true;
    i = n.end;
    if (gotT) {
      const mult = TIME_UNITS[s[i] ?? ""] ?? fail(E.durationTimeUnit);
      second = checkedAdd(second, n.value * mult);
      if (n.fraction !== null) {
        const extra = n.fraction * mult;
        second = checkedAdd(second, Math.trunc(extra));
        microsecond = checkedAdd(microsecond, Math.round((extra - Math.trunc(extra)) * 1_000_000));
      }
    } else {
      const mult = DATE_UNITS[s[i] ?? ""] ?? fail(E.durationDateUnit);
      day = checkedAdd(day, n.value * mult);
      if (n.fraction !== null) {
        const extraDays = n.fraction * mult;
        day = checkedAdd(day, Math.trunc(extraDays));
        const extraSeconds = (extraDays - Math.trunc(extraDays)) * 86_400;
        second = checkedAdd(second, Math.trunc(extraSeconds));
        microsecond += Math.round((extraSeconds - Math.trunc(extraSeconds)) * 1_000_000);
      }
    }
  }
  if (i < 3) fail(E.tooShort);
  return { day, second, microsecond };
}

const HOURS_TOO_LARGE = "durations may not exceed 999,999,999 hours";

function byteLength(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : new TextEncoder().encode(s).length;
}

/**
 * speedate's duration time, `H…H:MM[:SS[.ffffff]]` from `at` to the end: any number of hours (up to ten digits,
 * none at all is 0), the rest read as a time of day after `00:` (fraction digits past six dropped).
 */
function durationTime(s: string, at: number): { second: number; microsecond: number } {
  if (byteLength(s) - at < 5) fail(E.tooShort);
  const rest = s.slice(at);
  const colon = rest.indexOf(":");
  if (colon === -1) fail(E.hour);
  if (colon > 10) fail(HOURS_TOO_LARGE);
  let hour = 0;
  for (let i = 0; i < colon; i++) {
    if (!isDigit(rest, i)) fail(E.hour);
    hour = hour * 10 + (rest.charCodeAt(i) - 48);
  }
  if (hour > 2_400_000_000) fail(HOURS_TOO_LARGE);
  let remaining = rest.slice(colon + 1);
  if (3 + remaining.length > 15) remaining = remaining.slice(0, 12);
  const text = `00:${remaining}`;
  const t = pureTime(text, 0);
  if (t.end < text.length) fail(E.extra);
  return { second: hour * 3600 + t.minute * 60 + t.second, microsecond: t.microsecond };
}

/** `D days, HH:MM:SS`, `Dd HH:MM`, `D day` … (case-insensitive, the comma and spaces optional). */
function daysTime(s: string, at: number): Omit<DurationParts, "positive"> {
  if (at >= s.length) fail(E.tooShort);
  const n = durationNumber(s, at);
  if (n.fraction !== null) fail(E.durationDays);
  const day = n.value;
  let i = n.end;
  if (s[i] === " ") i++;
  else if (s[i] !== "d" && s[i] !== "D") fail(E.durationDays);
  if (s[i] !== "d" && s[i] !== "D") fail(E.durationDays);
  i++;
  const only = { day, second: 0, microsecond: 0 };
  if (s[i] === "a" || s[i] === "A") {
    if (s[i + 1] !== "y" && s[i + 1] !== "Y") fail(E.durationDays);
    if (i + 2 >= s.length) return only;
    i += s[i + 2] === "s" || s[i + 2] === "S" ? 3 : 2;
  }
  if (i >= s.length) return only;
  if (s[i] === ",") i++;
  if (i >= s.length) return only;
  if (s[i] === " ") i++;
  if (i >= s.length) return only;
  // The time after the days must stay under a day (speedate's text for it speaks of hours).
  const t = durationTime(s, i);
  if (t.second >= 86_400) fail(HOURS_TOO_LARGE);
  return { day, ...t };
}

/**
 * An ISO 8601 duration (`P3DT4H`, `-PT1.5S`), `HH:MM:SS[.ffffff]`, or `D days, HH:MM:SS`, each with an optional
 * sign (speedate's `Duration`).
 */
export function parseDuration(s: string): Parsed<DurationParts> {
  return attempt(() => {
    const signed = s[0] === "+" || s[0] === "-";
    if (s.length === 0) fail(E.tooShort);
    const at = signed ? 1 : 0;
    let d: Omit<DurationParts, "positive">;
    if (s[at] === "P") d = isoDuration(s, at + 1);
    // speedate: days (`1 day, 01:00`) when there is a `d` or fewer than five bytes, else a time (`100:00:00`, `3600.5`
    // fails as "invalid character in hour").
    else if (/[dD]/.test(s) || byteLength(s) < 5) d = daysTime(s, at);
    else d = { day: 0, ...durationTime(s, at) };
    return normalizeDuration({ positive: s[0] !== "-", ...d });
  });
}

/** A number of seconds as a duration (pydantic reads a number for a `timedelta` this way). */
export function durationFromSeconds(total: number): Parsed<DurationParts> {
  return attempt(() => {
    const positive = total >= 0;
    const abs = Math.abs(total);
    const whole = Math.floor(abs);
    return normalizeDuration({
      positive, day: Math.floor(whole / 86_400), second: whole % 86_400, microsecond: Math.round((abs - whole) * 1_000_000),
    });
  });
}
