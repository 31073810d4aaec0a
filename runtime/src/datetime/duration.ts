import type { DurationParts } from "./parse-duration.ts";
import { MAX_DAYS, TemporalValue, US_PER_DAY, pad } from "./base.ts";

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
