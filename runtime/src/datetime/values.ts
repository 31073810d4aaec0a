import { civilFromDays, daysFromCivil, daysInMonth } from "./parse.ts";
import { TemporalValue, US_PER_DAY, checkInt, checkOffset, fraction, pad, pydanticOffset, pythonOffset } from "./base.ts";
import { Duration } from "./duration.ts";

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
