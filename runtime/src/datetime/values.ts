import { civilFromDays, daysFromCivil, daysInMonth, type DurationParts } from "./parse.ts";

const US_PER_DAY = 86_400_000_000;
const MAX_DAYS = 999_999_999;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** `.ffffff` when there are microseconds (Python and pydantic both drop a zero fraction). */
const fraction = (microsecond: number): string => (microsecond ? `.${pad(microsecond, 6)}` : "");

/** A UTC offset as Python's `isoformat()` writes it: `+00:00`, `-05:30`, `+05:30:15` when it has seconds. */
function pythonOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const seconds = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor((abs % 3600) / 60), 2)}${seconds ? `:${pad(seconds, 2)}` : ""}`;
}

/** A UTC offset as pydantic writes it in JSON: `Z` for UTC, else `±HH:MM`. */
function pydanticOffset(offset: number): string {
  if (offset === 0) return "Z";
  const minutes = Math.trunc(offset / 60);
  return `${offset < 0 ? "-" : "+"}${pad(Math.abs(Math.trunc(minutes / 60)), 2)}:${pad(Math.abs(minutes % 60), 2)}`;
}

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

function checkOffset(offset: number | null | undefined): number | null {
  if (offset === null || offset === undefined) return null;
  if (!Number.isInteger(offset) || Math.abs(offset) >= 86_400) throw new RangeError(`offset must be a whole number of seconds strictly between -86400 and 86400, got ${offset}`);
  return offset;
}

/**
 * The common base of the date and time values (what the encoders recognise). Each writes itself two ways, as
 * FastAPI does: `jsonableEncoder` (Python's `isoformat()`, a duration as seconds) and, through a response model,
 * `toJSON()` (pydantic's JSON).
 */
export abstract class TemporalValue {
  /** The value as pydantic writes it in JSON (what a response model sends). */
  abstract toJSON(): string;
}

/** Fields of a {@link Duration}; each may be fractional or negative, as Python's `timedelta(...)` takes them. */
export interface DurationInit {
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
  microseconds?: number;
}

const UNITS: [keyof DurationInit, bigint][] = [
  ["weeks", 604_800_000_000n], ["days", 86_400_000_000n], ["hours", 3_600_000_000n], ["minutes", 60_000_000n],
  ["seconds", 1_000_000n], ["milliseconds", 1000n], ["microseconds", 1n],
];

function toMicros(value: number, unit: bigint): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`a duration needs finite numbers, got ${value}`);
  return Number.isInteger(value) ? BigInt(value) * unit : BigInt(Math.round(value * Number(unit)));
}

/**
 * A length of time (Python's `timedelta`), to the microsecond. Normalised as Python does: `days` carries the sign,
 * `seconds` is 0 to 86399 and `microseconds` 0 to 999999. `toJSON()` writes pydantic's ISO 8601 form (`P3DT14400S`);
 * {@link Duration.totalSeconds} is what `jsonableEncoder` writes.
 */
export class Duration extends TemporalValue {
  /** Whole days (negative for a negative duration). */
  readonly days: number;
  /** Seconds past the days, 0 to 86399. */
  readonly seconds: number;
  /** Microseconds past the seconds, 0 to 999999. */
  readonly microseconds: number;

  constructor(init: DurationInit = {}) {
    super();
    let total = 0n;
    for (const [name, unit] of UNITS) {
      const v = init[name];
      if (v !== undefined) total += toMicros(v, unit);
    }
    const perDay = BigInt(US_PER_DAY);
    let days = total / perDay;
    let rest = total % perDay;
    if (rest < 0n) {
      days -= 1n;
      rest += perDay;
    }
    if (days > BigInt(MAX_DAYS) || days < BigInt(-MAX_DAYS)) throw new RangeError(`a duration may not exceed ${MAX_DAYS} days`);
    this.days = Number(days);
    this.seconds = Number(rest / 1_000_000n);
    this.microseconds = Number(rest % 1_000_000n);
  }

  /** A duration of `seconds` (fractional allowed). */
  static fromSeconds(seconds: number): Duration {
    return new Duration({ seconds });
  }

  /** @internal A duration from the sign-and-magnitude form the parser produces. */
  static fromParts(p: DurationParts): Duration {
    const sign = p.positive ? 1 : -1;
    return new Duration({ days: sign * p.day, seconds: sign * p.second, microseconds: sign * p.microsecond });
  }

  /** The whole duration in seconds, with its microseconds as a fraction (Python's `total_seconds()`). */
  totalSeconds(): number {
    return this.days * 86_400 + this.seconds + this.microseconds / 1_000_000;
  }

  /** The whole duration in microseconds. */
  totalMicroseconds(): bigint {
    return BigInt(this.days) * BigInt(US_PER_DAY) + BigInt(this.seconds) * 1_000_000n + BigInt(this.microseconds);
  }

  /** This duration plus another. */
  add(other: Duration): Duration {
    return new Duration({ days: this.days + other.days, seconds: this.seconds + other.seconds, microseconds: this.microseconds + other.microseconds });
  }

  /** This duration minus another. */
  subtract(other: Duration): Duration {
    return this.add(other.negate());
  }

  /** The opposite duration. */
  negate(): Duration {
    return new Duration({ days: -this.days, seconds: -this.seconds, microseconds: -this.microseconds });
  }

  /** Compares with another duration: negative, zero or positive. */
  compare(other: Duration): number {
    return this.days - other.days || this.seconds - other.seconds || this.microseconds - other.microseconds;
  }

  /** `true` when both are the same length of time. */
  equals(other: Duration): boolean {
    return this.compare(other) === 0;
  }

  /**
   * pydantic's ISO 8601 form: `P` then years of 365 days and days, then `T` and the seconds (`P1Y2DT3600.5S`), a
   * leading `-` when negative, `PT0S` when zero.
   */
  override toJSON(): string {
    let { days, seconds, microseconds } = this;
    const positive = days >= 0;
    if (!positive) {
      // Python keeps seconds and microseconds positive under negative days; pydantic writes the magnitude.
      if (microseconds) {
        seconds += 1;
        microseconds = 1_000_000 - microseconds;
      }
      if (seconds) {
        days += 1;
        seconds = 86_400 - seconds;
      }
      days = -days;
    }
    let out = positive ? "P" : "-P";
    const years = Math.floor(days / 365);
    if (years) out += `${years}Y`;
    if (days % 365) out += `${days % 365}D`;
    if (seconds || microseconds) out += `T${seconds}${microseconds ? `.${pad(microseconds, 6).replace(/0+$/, "")}` : ""}S`;
    if (!days && !seconds && !microseconds) out += "T0S";
    return out;
  }

  /** The ISO 8601 form of {@link Duration.toJSON}. */
  override toString(): string {
    return this.toJSON();
  }
}

/** Fields of a {@link CalendarDate}. */
export interface CalendarDateInit {
  year: number;
  month: number;
  day: number;
}

/** A calendar date without a time (Python's `date`); written `2008-09-15`. */
export class CalendarDate extends TemporalValue {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to the last day of the month. */
  readonly day: number;

  constructor(init: CalendarDateInit) {
    super();
    this.year = checkInt("year", init.year, 1, 9999);
    this.month = checkInt("month", init.month, 1, 12);
    this.day = checkInt("day", init.day, 1, daysInMonth(init.year, init.month));
  }

  /** Today's date at a UTC offset (default UTC). */
  static today(offset = 0): CalendarDate {
    return DateTime.now(offset).date();
  }

  /** @internal Days since 1970-01-01. */
  get epochDay(): number {
    return daysFromCivil(this.year, this.month, this.day);
  }

  /** @internal The date `days` after 1970-01-01. */
  static fromEpochDay(days: number): CalendarDate {
    return new CalendarDate(civilFromDays(days));
  }

  /** The date a duration later (its whole days count, as in Python). */
  add(duration: Duration): CalendarDate {
    return CalendarDate.fromEpochDay(this.epochDay + duration.days);
  }

  /** The date a duration earlier. */
  subtract(duration: Duration): CalendarDate {
    return this.add(duration.negate());
  }

  /** The days from `other` to this date, as a duration (`this - other` in Python). */
  since(other: CalendarDate): Duration {
    return new Duration({ days: this.epochDay - other.epochDay });
  }

  /** Compares with another date: negative, zero or positive. */
  compare(other: CalendarDate): number {
    return this.epochDay - other.epochDay;
  }

  /** `true` for the same date. */
  equals(other: CalendarDate): boolean {
    return this.compare(other) === 0;
  }

  /** `YYYY-MM-DD`. */
  isoformat(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  /** `YYYY-MM-DD`, as pydantic writes a date. */
  override toJSON(): string {
    return this.isoformat();
  }

  /** `YYYY-MM-DD`. */
  override toString(): string {
    return this.isoformat();
  }
}

/** Fields of a {@link TimeOfDay}. */
export interface TimeOfDayInit {
  hour?: number;
  minute?: number;
  second?: number;
  microsecond?: number;
  /** Seconds east of UTC; `null` (the default) for a time without an offset. */
  offset?: number | null;
}

/** A time of day (Python's `time`), to the microsecond, with an optional UTC offset. */
export class TimeOfDay extends TemporalValue {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  /** Seconds east of UTC, or `null`. */
  readonly offset: number | null;

  constructor(init: TimeOfDayInit = {}) {
    super();
    this.hour = checkInt("hour", init.hour ?? 0, 0, 23);
    this.minute = checkInt("minute", init.minute ?? 0, 0, 59);
    this.second = checkInt("second", init.second ?? 0, 0, 59);
    this.microsecond = checkInt("microsecond", init.microsecond ?? 0, 0, 999_999);
    this.offset = checkOffset(init.offset);
  }

  #clock(): string {
    return `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}${fraction(this.microsecond)}`;
  }

  /** Python's `isoformat()`: `HH:MM:SS[.ffffff][+HH:MM]`. */
  isoformat(): string {
    return this.#clock() + (this.offset === null ? "" : pythonOffset(this.offset));
  }

  /** pydantic's JSON: as {@link TimeOfDay.isoformat}, but UTC is written `Z`. */
  override toJSON(): string {
    return this.#clock() + (this.offset === null ? "" : pydanticOffset(this.offset));
  }

  /** {@link TimeOfDay.isoformat}. */
  override toString(): string {
    return this.isoformat();
  }
}

/** Fields of a {@link DateTime}. */
export interface DateTimeInit extends CalendarDateInit, TimeOfDayInit {}

/**
 * A date and time of day to the microsecond (Python's `datetime`): with a UTC offset (aware) or without one
 * (naive), which it keeps. Unlike a JavaScript `Date`, it writes itself back with the offset it was given.
 */
export class DateTime extends TemporalValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  /** Seconds east of UTC, or `null` for a naive datetime. */
  readonly offset: number | null;

  constructor(init: DateTimeInit) {
    super();
    const date = new CalendarDate(init);
    const time = new TimeOfDay(init);
    this.year = date.year;
    this.month = date.month;
    this.day = date.day;
    this.hour = time.hour;
    this.minute = time.minute;
    this.second = time.second;
    this.microsecond = time.microsecond;
    this.offset = time.offset;
  }

  /** The instant of a JavaScript `Date`, shown at a UTC offset in seconds (default 0: UTC). */
  static fromDate(date: Date, offset = 0): DateTime {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
    return DateTime.#fromLocal(Math.floor(ms / 86_400_000), (ms - Math.floor(ms / 86_400_000) * 86_400_000) * 1000, 0).atOffset(offset);
  }

  /** The instant `seconds` after 1970-01-01T00:00:00Z, shown at a UTC offset (default 0). */
  static fromTimestamp(seconds: number, offset = 0): DateTime {
    const whole = Math.floor(seconds);
    const days = Math.floor(whole / 86_400);
    const micros = (whole - days * 86_400) * 1_000_000 + Math.round((seconds - whole) * 1_000_000);
    return DateTime.#fromLocal(days, micros, 0).atOffset(offset);
  }

  /** The current time at a UTC offset (default 0). */
  static now(offset = 0): DateTime {
    return DateTime.fromDate(new Date(), offset);
  }

  static #fromLocal(days: number, microsOfDay: number, offset: number | null): DateTime {
    const carry = Math.floor(microsOfDay / US_PER_DAY);
    const d = days + carry;
    let m = microsOfDay - carry * US_PER_DAY;
    const microsecond = m % 1_000_000;
    m = (m - microsecond) / 1_000_000;
    return new DateTime({
      ...civilFromDays(d), hour: Math.floor(m / 3600), minute: Math.floor((m % 3600) / 60), second: m % 60, microsecond, offset,
    });
  }

  #epochDay(): number {
    return daysFromCivil(this.year, this.month, this.day);
  }

  #microsOfDay(): number {
    return ((this.hour * 60 + this.minute) * 60 + this.second) * 1_000_000 + this.microsecond;
  }

  /** `true` when the datetime has a UTC offset. */
  get isAware(): boolean {
    return this.offset !== null;
  }

  /** The same wall-clock time with another offset (or none): Python's `replace(tzinfo=...)`. */
  withOffset(offset: number | null): DateTime {
    return new DateTime({ ...this.#fields(), offset });
  }

  /** The same instant at another UTC offset: Python's `astimezone()`. A naive datetime is taken as UTC. */
  atOffset(offset: number): DateTime {
    checkOffset(offset);
    return DateTime.#fromLocal(this.#epochDay(), this.#microsOfDay() + (offset - (this.offset ?? 0)) * 1_000_000, offset);
  }

  #fields(): DateTimeInit {
    const { year, month, day, hour, minute, second, microsecond, offset } = this;
    return { year, month, day, hour, minute, second, microsecond, offset };
  }

  /** The date part. */
  date(): CalendarDate {
    return new CalendarDate(this);
  }

  /** The time part, with the offset. */
  time(): TimeOfDay {
    return new TimeOfDay(this);
  }

  /** The instant as a JavaScript `Date` (milliseconds; a naive datetime is taken as UTC). */
  toDate(): Date {
    return new Date(Math.floor(this.timestamp() * 1000));
  }

  /** Seconds since 1970-01-01T00:00:00Z (a naive datetime is taken as UTC). */
  timestamp(): number {
    return this.#epochDay() * 86_400 + (this.#microsOfDay() / 1_000_000) - (this.offset ?? 0);
  }

  /** The datetime a duration later, at the same offset. */
  add(duration: Duration): DateTime {
    return DateTime.#fromLocal(this.#epochDay() + duration.days, this.#microsOfDay() + duration.seconds * 1_000_000 + duration.microseconds, this.offset);
  }

  /** The datetime a duration earlier. */
  subtract(duration: Duration): DateTime {
    return this.add(duration.negate());
  }

  /**
   * The time from `other` to this datetime (`this - other` in Python). Both must be aware, or both naive.
   */
  since(other: DateTime): Duration {
    if ((this.offset === null) !== (other.offset === null)) throw new TypeError("can't subtract offset-naive and offset-aware datetimes");
    const days = this.#epochDay() - other.#epochDay();
    const micros = this.#microsOfDay() - other.#microsOfDay() - ((this.offset ?? 0) - (other.offset ?? 0)) * 1_000_000;
    return new Duration({ days, microseconds: micros });
  }

  /** Compares with another datetime in time (both aware, or both naive): negative, zero or positive. */
  compare(other: DateTime): number {
    const d = this.since(other);
    return d.days || d.seconds || d.microseconds;
  }

  /** `true` for the same instant (aware) or the same wall-clock time (naive). */
  equals(other: DateTime): boolean {
    return (this.offset === null) === (other.offset === null) && this.compare(other) === 0;
  }

  #wall(sep: string): string {
    return `${this.date().isoformat()}${sep}${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}${fraction(this.microsecond)}`;
  }

  /** Python's `isoformat()`: `2018-12-22T14:00:00+00:00`, the fraction only when there are microseconds. */
  isoformat(sep = "T"): string {
    return this.#wall(sep) + (this.offset === null ? "" : pythonOffset(this.offset));
  }

  /** pydantic's JSON: as {@link DateTime.isoformat}, but UTC is written `Z` (`2018-12-22T14:00:00Z`). */
  override toJSON(): string {
    return this.#wall("T") + (this.offset === null ? "" : pydanticOffset(this.offset));
  }

  /** {@link DateTime.isoformat}. */
  override toString(): string {
    return this.isoformat();
  }
}

/** A JavaScript `Date` as FastAPI's `jsonable_encoder` writes the same instant (an aware UTC datetime). */
export function isoformatDate(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : DateTime.fromDate(date).isoformat();
}

/** A JavaScript `Date` as pydantic writes the same instant in JSON (`...Z`). */
export function jsonDate(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : DateTime.fromDate(date).toJSON();
}
