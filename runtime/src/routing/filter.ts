import type { ZodType } from "zod";
import { defOf, objectShape, unwrap } from "../params/introspect.ts";
import { receivedOf } from "../validation/received.ts";

/** Options of {@link filterOutput}. */
export interface FilterOptions {
  excludeUnset: boolean;
  excludeDefaults: boolean;
  /** Drop the `null` members of models (not the `null` values of records, lists or untyped data), as pydantic. */
  excludeNone?: boolean;
}

function defaultOf(schema: ZodType): { has: boolean; value?: unknown } {
  let s = schema;
  for (let i = 0; i < 16; i++) {
    const d = defOf(s) as { type: string; innerType?: ZodType; defaultValue?: unknown };
    if (d.type === "default" || d.type === "prefault") {
      return { has: true, value: typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue };
    }
    if (!d.innerType) break;
    s = d.innerType;
  }
  return { has: false };
}

/** Python's `==` of JSON-like data: objects equal whatever the order of their keys (`{"b": 2, "a": 1} == {"a": 1, "b": 2}`). */
function pyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && pyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The option of a union that the (validated) value belongs to, for filtering it as that model. */
function unionOption(options: readonly ZodType[], value: unknown): ZodType | undefined {
  return options.find((o) => (o as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success);
}

/**
 * Applies `responseModelExcludeUnset` (drop members the handler did not set), `responseModelExcludeDefaults` (drop
 * members equal to their default) and `responseModelExcludeNone` (drop `null` members) to a validated output,
 * recursively through nested models, lists and unions, as pydantic applies them to model fields only: the members of
 * a record (`dict[str, X]`) are kept whatever their value.
 * The members set are those of the handler's value `raw`, except for a request body's validated value returned as
 * it is (at any depth): its members set are those the client sent, as a pydantic model's `fields_set` (a copy,
 * `{ ...item }`, sets every member, as `item.model_dump()` does).
 */
export function filterOutput(schema: ZodType, value: unknown, raw: unknown, options: FilterOptions): unknown {
  if (!options.excludeUnset && !options.excludeDefaults && !options.excludeNone) return value;
  if (value === null || typeof value !== "object") return value;
  if (options.excludeUnset) raw = receivedOf(raw) ?? raw;
  const s = unwrap(schema);
  const d = defOf(s) as ReturnType<typeof defOf> & { options?: readonly ZodType[] };
  if (Array.isArray(value)) {
    if (!d.element) return value;
    return value.map((v, i) => filterOutput(d.element!, v, Array.isArray(raw) ? raw[i] : undefined, options));
  }
  if (d.type === "union" && d.options) {
    const option = unionOption(d.options, value);
    return option ? filterOutput(option, value, raw, options) : value;
  }
  const shape = objectShape(s);
  if (!shape) return value;
  const src = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const fs = shape[k];
    if (options.excludeUnset && !(k in src)) continue;
    if (options.excludeNone && v === null) continue;
    if (fs && options.excludeDefaults) {
      const def = defaultOf(fs);
      if (def.has && pyEqual(def.value, v)) continue;
    }
    out[k] = fs ? filterOutput(fs, v, src[k], options) : v;
  }
  return out;
}
