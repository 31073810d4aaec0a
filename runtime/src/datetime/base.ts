/** What the date and time values share: their base class and the ways Python and pydantic write them. */

/** Microseconds in a day. */
export const US_PER_DAY = 86_400_000_000;
/** The largest number of days a duration may hold (Python's limit). */
export const MAX_DAYS = 999_999_999;

/** `n` with leading zeros to `width` digits. */
export const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** `.ffffff` when there are microseconds (Python and pydantic both drop a zero fraction). */
export const fraction = (microsecond: number): string => (microsecond ? `.${pad(microsecond, 6)}` : "");

/** A UTC offset as Python's `isoformat()` writes it: `+00:00`, `-05:30`, `+05:30:15` when it has seconds. */
export function pythonOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const seconds = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor((abs % 3600) / 60), 2)}${seconds ? `:${pad(seconds, 2)}` : ""}`;
}

/** A UTC offset as pydantic writes it in JSON: `Z` for UTC, else `±HH:MM`. */
export function pydanticOffset(offset: number): string {
  if (offset === 0) return "Z";
  const minutes = Math.trunc(offset / 60);
  return `${offset < 0 ? "-" : "+"}${pad(Math.abs(Math.trunc(minutes / 60)), 2)}:${pad(Math.abs(minutes % 60), 2)}`;
}

/** `value` when it is an integer in `[min, max]`; a `RangeError` otherwise. */
export function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** A UTC offset in whole seconds under a day, or `null`; a `RangeError` otherwise. */
export function checkOffset(offset: number | null | undefined): number | null {
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
