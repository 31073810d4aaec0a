import type { ZodType } from "zod";
import { isDigit, parseDatetimeField } from "../datetime/parse.ts";
import { DateTime } from "../datetime/values.ts";
import { defOf, isIntSchema, unwrap } from "./introspect.ts";

/** Turns a string from a path, query, header, cookie or form field into the declared type, when it can. */
export type Coercer = (raw: string) => unknown;

const TRUE = new Set(["1", "t", "y", "on", "yes", "true"]);
const FALSE = new Set(["0", "f", "n", "no", "off", "false"]);
const INT = /^[+-]?\d+(?:_\d+)*(?:\.0*)?$/;
const FLOAT = /^[+-]?(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** pydantic's lax boolean parsing of strings; returns the input unchanged when it is not a boolean word. */
export function parseBool(raw: string): boolean | string {
  const v = raw.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : raw;
}

/**
 * Whether `raw` is one or more ASCII digits and nothing else: the usual integer parameter, which the general rules
 * below read as `Number(raw)` (nothing to trim, no `_`, no `.0`). Perf: a loop over its characters instead of a
 * `trim`, a regular expression and two `replace`s (~85 ns → ~6 ns per parameter).
 */
function isDigits(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (!isDigit(raw, i)) return false;
  return true;
}

/** pydantic's lax integer parsing of strings (`" 42"`, `"1_000"`, `"3.0"`); the input unchanged on failure. */
export function parseInt_(raw: string): number | string {
  if (isDigits(raw)) return Number(raw);
  const v = raw.trim();
  return INT.test(v) ? Number(v.replace(/_/g, "").replace(/\.0*$/, "")) : raw;
}

/** pydantic's lax float parsing of strings; the input unchanged on failure. */
export function parseFloat_(raw: string): number | string {
  if (isDigits(raw)) return Number(raw);
  const v = raw.trim();
  return FLOAT.test(v) ? Number(v.replace(/_/g, "")) : raw;
}

const identity: Coercer = (raw) => raw;

/**
 * Builds, once per parameter, the function that coerces its raw string by the declared zod type: integers,
 * numbers, booleans (pydantic's words), bigints, dates, literals and unions of those. Values that do not parse
 * stay strings, so that validation reports pydantic's `*_parsing` errors with the raw input.
 */
export function coercerFor(schema: ZodType): Coercer {
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case "number":
      return isIntSchema(s) ? parseInt_ : parseFloat_;
    case "bigint":
      return (raw) => {
        const v = parseInt_(raw);
        return typeof v === "number" ? BigInt(raw.trim().replace(/_/g, "").replace(/\.0*$/, "")) : raw;
      };
    case "boolean":
      return parseBool;
    case "date":
      // Read as pydantic reads a datetime (a naive one is taken as UTC: a `Date` is an instant).
      return (raw) => {
        const r = parseDatetimeField(raw);
        return r.ok ? new DateTime(r.value).toDate() : raw;
      };
    case "literal": {
      const values = d.values ?? [];
      return (raw) => {
        for (const v of values) {
          if (typeof v === "string" ? v === raw : typeof v === "number" ? parseFloat_(raw) === v
            : typeof v === "boolean" ? parseBool(raw) === v : false) return v;
        }
        return raw;
      };
    }
    case "enum": {
      const values = Object.values(d.entries ?? {});
      if (values.every((v) => typeof v === "string")) return identity;
      return (raw) => values.find((v) => String(v) === raw.trim()) ?? raw;
    }
    case "union": {
      const options = (d.options ?? []).map((o) => [o, coercerFor(o)] as const);
      return (raw) => {
        for (const [o, c] of options) {
          const v = c(raw);
          if ((o as unknown as { safeParse(x: unknown): { success: boolean } }).safeParse(v).success) return v;
        }
        return raw;
      };
    }
    default:
      return identity;
  }
}

/** For an array/set/tuple schema: the coercer of its elements (per position for tuples). */
export function elementCoercer(schema: ZodType): (raw: string, index: number) => unknown {
  const d = defOf(unwrap(schema));
  if (d.type === "tuple") {
    const items = (d.items ?? []).map(coercerFor);
    return (raw, i) => (items[i] ?? identity)(raw);
  }
  const c = d.element ? coercerFor(d.element) : identity;
  return (raw) => c(raw);
}

/** Rewrites a JSON value the way pydantic's lax mode reads it (numeric strings → numbers, …). */
export type LaxCoercer = (value: unknown) => unknown;

/**
 * Compiles, once per body schema, pydantic's lax-mode conversions for JSON input: numeric strings for numbers,
 * boolean words and 0/1 for booleans, ISO strings for `z.date()`, recursively through objects, arrays and
 * records. Returns `null` when the schema has nothing to convert (no per-request walk at all).
 */
export function laxCoercerFor(schema: ZodType, depth = 0): LaxCoercer | null {
  if (depth > 32) return null;
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case "number":
    case "bigint":
    case "date": {
      const c = coercerFor(s);
      return (v) => (typeof v === "string" ? c(v) : v);
    }
    case "boolean":
      return (v) => (typeof v === "string" ? parseBool(v) : v === 0 ? false : v === 1 ? true : v);
    case "object": {
      const fields = Object.entries(d.shape ?? {})
        .map(([k, f]) => [k, laxCoercerFor(f, depth + 1)] as const)
        .filter((e): e is readonly [string, LaxCoercer] => e[1] !== null);
      if (!fields.length) return null;
      return (v) => {
        if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
        const src = v as Record<string, unknown>;
        let out: Record<string, unknown> | undefined;
        for (const [k, c] of fields) {
          if (!(k in src)) continue;
          const x = c(src[k]);
          if (x !== src[k]) (out ??= { ...src })[k] = x;
        }
        return out ?? v;
      };
    }
    case "set": {
      // JSON has no sets: pydantic reads an array into a set (duplicates dropped), zod wants a `Set`.
      const element = d.valueType ?? d.element;
      const c = element ? laxCoercerFor(element, depth + 1) : null;
      return (v) => (Array.isArray(v) ? new Set(c ? v.map(c) : v) : v);
    }
    case "array": {
      const c = d.element ? laxCoercerFor(d.element, depth + 1) : null;
      if (!c) return null;
      return (v) => {
        if (!Array.isArray(v)) return v;
        let out: unknown[] | undefined;
        v.forEach((x, i) => {
          const y = c(x);
          if (y !== x) (out ??= [...v])[i] = y;
        });
        return out ?? v;
      };
    }
    case "record": {
      const c = d.valueType ? laxCoercerFor(d.valueType, depth + 1) : null;
      if (!c) return null;
      return (v) => {
        if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, c(x)]));
      };
    }
    default:
      return null;
  }
}
