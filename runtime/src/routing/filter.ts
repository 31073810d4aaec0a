import type { ZodType } from "zod";
import { defOf, objectShape, unwrap } from "../params/introspect.ts";
import { receivedOf } from "../validation/received.ts";

/** Options of {@link filterOutput}. */
export interface FilterOptions {
  excludeUnset: boolean;
  excludeDefaults: boolean;
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

/**
 * Applies `responseModelExcludeUnset` (drop members the handler did not set) and `responseModelExcludeDefaults`
 * (drop members equal to their default) to a validated output, recursively through nested objects and arrays.
 * The members set are those of the handler's value `raw`, except for a request body's validated value returned as
 * it is (at any depth): its members set are those the client sent, as a pydantic model's `fields_set` (a copy,
 * `{ ...item }`, sets every member, as `item.model_dump()` does).
 */
export function filterOutput(schema: ZodType, value: unknown, raw: unknown, options: FilterOptions): unknown {
  if (!options.excludeUnset && !options.excludeDefaults) return value;
  if (options.excludeUnset) raw = receivedOf(raw) ?? raw;
  const s = unwrap(schema);
  const d = defOf(s);
  if (Array.isArray(value) && d.element) {
    return value.map((v, i) => filterOutput(d.element!, v, Array.isArray(raw) ? raw[i] : undefined, options));
  }
  const shape = objectShape(s);
  if (!shape || value === null || typeof value !== "object") return value;
  const src = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const fs = shape[k];
    if (options.excludeUnset && !(k in src)) continue;
    if (fs && options.excludeDefaults) {
      const def = defaultOf(fs);
      if (def.has && JSON.stringify(def.value) === JSON.stringify(v)) continue;
    }
    out[k] = fs ? filterOutput(fs, v, src[k], options) : v;
  }
  return out;
}
