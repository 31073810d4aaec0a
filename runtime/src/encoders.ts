/** Options of {@link jsonableEncoder}. */
export interface JsonableEncoderOptions {
  /** Keys to keep at the top level (others are dropped). */
  include?: Iterable<string>;
  /** Keys to drop at the top level. */
  exclude?: Iterable<string>;
  /** Drop object members whose value is `null` or `undefined`, at every depth. */
  excludeNone?: boolean;
}

import { TemporalValue } from "./datetime/base.ts";
import { Duration } from "./datetime/duration.ts";
import { isoformatDate, jsonDate } from "./datetime/values.ts";

/** A JSON value, as {@link jsonableEncoder} produces it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const decoder = new TextDecoder();
const rawJSON = (JSON as unknown as { rawJSON?: (s: string) => unknown }).rawJSON;

/**
 * Converts any value into something `JSON.stringify` renders as FastAPI's `jsonable_encoder` would: dates and
 * times as Python's `isoformat()` (a `DateTime` keeps its offset, or its absence, and its microseconds; a `Date`
 * is an instant in UTC, `2018-12-22T14:00:00+00:00`), a `Duration` as its total seconds, `Map` → object, `Set` →
 * array, bytes → UTF-8 text, `URL` → string, `bigint` → number, objects with `toJSON()` → its result, class
 * instances → their own enumerable fields; `undefined` members are dropped from objects and become `null` in arrays.
 */
export function jsonableEncoder(value: unknown, options: JsonableEncoderOptions = {}): JsonValue {
  return encodeWith(value, options, false);
}

/**
 * What a response model sends (pydantic's JSON mode): as {@link jsonableEncoder}, except that dates and times are
 * written as pydantic writes them (UTC as `Z`, a `Duration` as an ISO 8601 duration such as `P3DT14400S`).
 */
export function modelEncoder(value: unknown, options: JsonableEncoderOptions = {}): JsonValue {
  return encodeWith(value, options, true);
}

function encodeWith(value: unknown, options: JsonableEncoderOptions, pydantic: boolean): JsonValue {
  const include = options.include ? new Set(options.include) : null;
  const exclude = options.exclude ? new Set(options.exclude) : null;
  return encode(value, options.excludeNone === true, include, exclude, 0, pydantic) as JsonValue;
}

/** A date or time value as FastAPI writes it: pydantic's form through a model, else `jsonable_encoder`'s. */
function temporal(v: TemporalValue, pydantic: boolean): string | number {
  if (pydantic) return v.toJSON();
  return v instanceof Duration ? v.totalSeconds() : (v as TemporalValue & { isoformat(): string }).isoformat();
}

function encode(v: unknown, noNone: boolean, include: Set<string> | null, exclude: Set<string> | null, depth: number, pydantic: boolean): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "bigint":
      return Number.isSafeInteger(Number(v)) ? Number(v) : rawJSON ? rawJSON(v.toString()) : v.toString();
    case "function":
    case "symbol":
      return null;
  }
  if (depth > 200) throw new TypeError("jsonableEncoder: value nested too deeply (a cycle?)");
  if (Array.isArray(v)) return v.map((x) => encode(x, noNone, null, null, depth + 1, pydantic));
  if (v instanceof TemporalValue) return temporal(v, pydantic);
  if (v instanceof Date) return pydantic ? jsonDate(v) : isoformatDate(v);
  if (v instanceof Set) return [...v].map((x) => encode(x, noNone, null, null, depth + 1, pydantic));
  if (v instanceof Uint8Array) return decoder.decode(v);
  if (v instanceof ArrayBuffer) return decoder.decode(new Uint8Array(v));
  if (v instanceof URL || v instanceof RegExp) return v instanceof URL ? v.href : v.source;
  if (rawJSON && (JSON as unknown as { isRawJSON?: (x: unknown) => boolean }).isRawJSON?.(v)) return v;
  const out: Record<string, unknown> = {};
  if (v instanceof Map) {
    for (const [k, x] of v) member(out, String(k), x, noNone, include, exclude, depth, pydantic);
    return out;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") {
    return encode((v as { toJSON: () => unknown }).toJSON(), noNone, include, exclude, depth + 1, pydantic);
  }
  // Perf: the own enumerable keys, as `Object.entries` lists them, without an array per member.
  const keys = Object.keys(v as object);
  for (let i = 0; i < keys.length; i++) member(out, keys[i]!, (v as Record<string, unknown>)[keys[i]!], noNone, include, exclude, depth, pydantic);
  return out;
}

/** Encodes one member of an object into `out`, unless it is filtered out or has no JSON form. */
function member(out: Record<string, unknown>, key: string, x: unknown, noNone: boolean, include: Set<string> | null, exclude: Set<string> | null,
  depth: number, pydantic: boolean): void {
  if (include && !include.has(key)) return;
  if (exclude && exclude.has(key)) return;
  if (x === undefined || typeof x === "function" || typeof x === "symbol") return;
  if (noNone && x === null) return;
  out[key] = encode(x, noNone, null, null, depth + 1, pydantic);
}
