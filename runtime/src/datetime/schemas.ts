import { z } from "zod";
import { fromTimestamp, parseDateField, parseDatetimeField, parseErrors, parseTime, type DateTimeParts } from "./parse.ts";
import { durationFromSeconds, parseDuration } from "./parse-duration.ts";
import { Duration } from "./duration.ts";
import { CalendarDate, DateTime, TimeOfDay } from "./values.ts";

/** The pydantic type a temporal schema stands for (decides its JSON Schema `format`). */
export type TemporalKind = "datetime" | "date" | "time" | "duration";

/** What pydantic reports for a value it could not read: error type, message and context. */
export interface PydanticError {
  type: string;
  msg: string;
  ctx?: Record<string, unknown>;
}

type Read<T> = { ok: true; value: T } | ({ ok: false } & PydanticError);

const bad = (type: string, msg: string, error?: string): { ok: false } & PydanticError =>
  error === undefined ? { ok: false, type, msg } : { ok: false, type, msg: `${msg}, ${error}`, ctx: { error } };

const isNumber = (v: unknown): v is number | bigint => (typeof v === "number" && Number.isFinite(v)) || typeof v === "bigint";

const fromParts = (p: DateTimeParts): DateTime => new DateTime(p);

function zeroTime(dt: DateTime): boolean {
  return !dt.hour && !dt.minute && !dt.second && !dt.microsecond;
}

/** pydantic's lax `datetime`: an ISO string (or a date alone, at midnight), a Unix timestamp, a `Date`. */
function readDatetime(v: unknown): Read<DateTime> {
  if (v instanceof DateTime) return { ok: true, value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? bad("datetime_type", "Input should be a valid datetime") : { ok: true, value: DateTime.fromDate(v) };
  if (v instanceof CalendarDate) return { ok: true, value: new DateTime(v) };
  if (typeof v === "string") {
    const r = parseDatetimeField(v);
    return r.ok ? { ok: true, value: fromParts(r.value) } : bad(r.type, "Input should be a valid datetime or date", r.error);
  }
  if (isNumber(v)) {
    const r = fromTimestamp(Number(v));
    return r.ok ? { ok: true, value: fromParts(r.value) } : bad("datetime_parsing", "Input should be a valid datetime", r.error);
  }
  return bad("datetime_type", "Input should be a valid datetime");
}

function readAware(v: unknown): Read<DateTime> {
  const r = readDatetime(v);
  return r.ok && r.value.offset === null ? bad("timezone_aware", "Input should have timezone info") : r;
}

function readNaive(v: unknown): Read<DateTime> {
  const r = readDatetime(v);
  return r.ok && r.value.offset !== null ? bad("timezone_naive", "Input should not have timezone info") : r;
}

const INEXACT = "Datetimes provided to dates should have zero time - e.g. be exact dates";

/** pydantic's lax `date`: `YYYY-MM-DD`, or a datetime (string, timestamp, `Date`) with a zero time. */
function readDate(v: unknown): Read<CalendarDate> {
  if (v instanceof CalendarDate) return { ok: true, value: v };
  if (typeof v === "string") {
    const r = parseDateField(v);
    if (r.ok) return { ok: true, value: new CalendarDate(r.value) };
    return r.type === "date_from_datetime_inexact" ? bad(r.type, INEXACT) : bad(r.type, "Input should be a valid date or datetime", r.error);
  }
  let dt: DateTime | undefined;
  if (v instanceof DateTime) dt = v;
  else if (v instanceof Date && !Number.isNaN(v.getTime())) dt = DateTime.fromDate(v);
  else if (isNumber(v)) {
    const r = fromTimestamp(Number(v));
    if (!r.ok) return bad("date_from_datetime_parsing", "Input should be a valid date or datetime", r.error);
    dt = fromParts(r.value);
  }
  if (!dt) return bad("date_type", "Input should be a valid date");
  return zeroTime(dt) ? { ok: true, value: dt.date() } : bad("date_from_datetime_inexact", INEXACT);
}

/** pydantic's lax `time`: `HH:MM[:SS[.ffffff]][Z|±HH:MM]`, or seconds since midnight (then in UTC). */
function readTime(v: unknown): Read<TimeOfDay> {
  if (v instanceof TimeOfDay) return { ok: true, value: v };
  if (typeof v === "string") {
    const r = parseTime(v);
    return r.ok ? { ok: true, value: new TimeOfDay(r.value) } : bad("time_parsing", "Input should be in a valid time format", r.error);
  }
  if (isNumber(v)) {
    const n = Number(v);
    if (n < 0) return bad("time_parsing", "Input should be in a valid time format", "time in seconds should be positive");
    const whole = Math.floor(n);
    const microsecond = Math.round((n - whole) * 1_000_000);
    const seconds = whole + Math.floor(microsecond / 1_000_000);
    if (seconds >= 86_400) return bad("time_parsing", "Input should be in a valid time format", parseErrors.timeTooLarge);
    return {
      ok: true,
      value: new TimeOfDay({ hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60, microsecond: microsecond % 1_000_000, offset: 0 }),
    };
  }
  return bad("time_type", "Input should be a valid time");
}

/** pydantic's lax `timedelta`: an ISO 8601 duration (`P3DT4H`), `[-]HH:MM:SS`, `D days, HH:MM:SS`, or seconds. */
function readDuration(v: unknown): Read<Duration> {
  if (v instanceof Duration) return { ok: true, value: v };
  const r = typeof v === "string" ? parseDuration(v) : isNumber(v) ? durationFromSeconds(Number(v)) : null;
  if (!r) return bad("time_delta_type", "Input should be a valid timedelta");
  return r.ok ? { ok: true, value: Duration.fromParts(r.value) } : bad("time_delta_parsing", "Input should be a valid timedelta", r.error);
}

// One accepting function per kind: zod keeps it in the schema's definition (shared by `.meta()`, `.describe()`
// and other clones), which is how the runtime recognises these schemas (scalar parameters, JSON Schema format).
const acceptors = new Map<unknown, TemporalKind>();
const accepting: Record<TemporalKind, (v: unknown) => boolean> = {
  datetime: () => true, date: () => true, time: () => true, duration: () => true,
};
for (const [kind, accept] of Object.entries(accepting)) acceptors.set(accept, kind as TemporalKind);

function temporal<T>(kind: TemporalKind, read: (v: unknown) => Read<T>): z.ZodCustom<T, T> {
  return z.custom<T>(accepting[kind]).check((payload) => {
    const input: unknown = payload.value;
    if (input === undefined) {
      // A missing value: reported as pydantic's `missing` (an `invalid_type` issue without input).
      payload.issues.push({ code: "invalid_type", expected: "undefined", input } as never);
      return;
    }
    const r = read(input);
    if (r.ok) payload.value = r.value;
    else payload.issues.push({ code: "custom", message: r.msg, input, params: { pydantic: { type: r.type, msg: r.msg, ctx: r.ctx } } });
  });
}

/** The kind of a schema made by {@link datetime}, {@link date}, {@link time} or {@link timedelta}, else `undefined`. */
export function temporalKind(schema: unknown): TemporalKind | undefined {
  const def = (schema as { _zod?: { def?: { type?: string; fn?: unknown } } })._zod?.def;
  return def?.type === "custom" ? acceptors.get(def.fn) : undefined;
}

/** The pydantic error carried by an issue of these schemas (the 422 item to report), else `undefined`. */
export function pydanticErrorOf(issue: { code: string; params?: Record<string, unknown> }): PydanticError | undefined {
  return issue.code === "custom" ? (issue.params?.pydantic as PydanticError | undefined) : undefined;
}

/**
 * A datetime, as pydantic's `datetime` reads one: an ISO 8601 string with or without a UTC offset
 * (`2018-12-22T14:00:00+00:00`, `2023-01-01T12:00:00`), a date alone (midnight), a Unix timestamp, a `Date` or a
 * {@link DateTime}. The handler receives a {@link DateTime} that keeps the offset (or its absence) and the
 * microseconds; documented as `{"type": "string", "format": "date-time"}`.
 */
export function datetime(): z.ZodCustom<DateTime, DateTime> {
  return temporal("datetime", readDatetime);
}

/** A datetime that must carry a UTC offset (pydantic's `AwareDatetime`); else `timezone_aware`. */
export function awareDatetime(): z.ZodCustom<DateTime, DateTime> {
  return temporal("datetime", readAware);
}

/** A datetime that must not carry a UTC offset (pydantic's `NaiveDatetime`); else `timezone_naive`. */
export function naiveDatetime(): z.ZodCustom<DateTime, DateTime> {
  return temporal("datetime", readNaive);
}

/** A date (pydantic's `date`): `2008-09-15`, received as a {@link CalendarDate}; `"format": "date"`. */
export function date(): z.ZodCustom<CalendarDate, CalendarDate> {
  return temporal("date", readDate);
}

/** A time of day (pydantic's `time`): `14:23:55.003`, optionally with an offset; a {@link TimeOfDay}; `"format": "time"`. */
export function time(): z.ZodCustom<TimeOfDay, TimeOfDay> {
  return temporal("time", readTime);
}

/**
 * A duration (pydantic's `timedelta`): an ISO 8601 duration (`P3DT4H`), `HH:MM:SS`, `3 days, 04:00:00`, or a
 * number of seconds; received as a {@link Duration}; `{"type": "string", "format": "duration"}`.
 */
export function timedelta(): z.ZodCustom<Duration, Duration> {
  return temporal("duration", readDuration);
}
