import type { ZodType } from "zod";
import { defOf, type ZodDef } from "../params/introspect.ts";

/**
 * What the client sent, kept beside the value validated from it, so that the fields the client left out can be
 * told from those a default filled in (pydantic's `fields_set`).
 */
const received = new WeakMap<object, unknown>();

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * @internal Records the request input `raw` that the validated object `value` was made from, when validation added
 * members the client did not send (defaults, transforms). Perf: otherwise {@link excludeUnset} answers the same
 * without it, and a `WeakMap` entry per request body was ~3% of a JSON-body request's CPU in a profile; and a
 * schema that cannot add members ({@link mayAddMembers}) is not walked at all (the walk was ~2% of a JSON-body
 * request's CPU in process).
 */
export function rememberReceived(schema: ZodType, value: unknown, raw: unknown): void {
  if (value !== null && typeof value === "object" && raw !== null && typeof raw === "object" && mayAddMembers(schema)
    && addsMembers(value, raw)) received.set(value, raw);
}

const adds = new WeakMap<ZodType, boolean>();

/**
 * Whether the output of `schema` can hold, at some depth, an object member its input lacked: `false` only when every
 * part of it is known to keep its input's keys (scalars, objects without defaults, arrays, records, unions of
 * those…); `true` for a default, a transform, a pipe, a `catch`, a lazy or unknown kind. Found once per schema.
 */
export function mayAddMembers(schema: ZodType): boolean {
  let known = adds.get(schema);
  if (known === undefined) adds.set(schema, (known = canAdd(schema, new Set())));
  return known;
}

/** Kinds whose output is a scalar, or the input itself (`any`, `unknown`), or not a plain object (dates, files). */
const keepsKeys = new Set(["string", "number", "boolean", "bigint", "symbol", "null", "undefined", "void", "never", "nan", "literal", "enum",
  "template_literal", "date", "file", "any", "unknown"]);
/** Wrappers whose output is their inner type's output (or `undefined`/`null`). */
const sameAsInner = new Set(["optional", "nullable", "readonly", "nonoptional"]);

function canAdd(schema: ZodType, seen: Set<ZodType>): boolean {
  if (seen.has(schema)) return true; // a cycle: assumed to add, as anything not known
  seen.add(schema);
  const d = defOf(schema) as ZodDef & { rest?: ZodType | null };
  const may = (s: ZodType | undefined | null): boolean => s != null && canAdd(s, seen);
  if (keepsKeys.has(d.type)) return false;
  if (sameAsInner.has(d.type)) return d.innerType === undefined || may(d.innerType);
  switch (d.type) {
    case "object":
      // zod keeps an absent optional member absent; only what a member's own schema adds can be added.
      return Object.values(d.shape ?? {}).some(may) || may(d.catchall);
    case "array":
      return d.element === undefined || may(d.element);
    case "tuple":
      return (d.items ?? []).some(may) || may(d.rest);
    case "record":
      // A key schema that transforms could rename members.
      return d.keyType === undefined || d.valueType === undefined || may(d.keyType) || may(d.valueType);
    case "union":
      return (d.options ?? []).some(may);
    case "intersection":
      return may(d.left) || may(d.right);
    default:
      return true;
  }
}

/** Whether `value` has, at some depth that {@link only} walks, a member `raw` lacks. */
function addsMembers(value: unknown, raw: unknown): boolean {
  if (Array.isArray(value)) {
    if (!Array.isArray(raw)) return false;
    for (let i = 0; i < value.length; i++) if (addsMembers(value[i], raw[i])) return true;
    return false;
  }
  if (!isPlainObject(value) || !isPlainObject(raw)) return false;
  // A default at the top level (the usual case) is found before any walk into the members.
  const keys = Object.keys(value);
  for (const k of keys) if (!(k in raw)) return true;
  for (const k of keys) if (addsMembers(value[k], raw[k])) return true;
  return false;
}

/**
 * @internal What the client sent for a request body's validated value `value` (the object itself, not a copy), when
 * validation added members to it; `undefined` otherwise. A response model's `exclude_unset` reads the members set
 * from it, as pydantic reads a model's `fields_set`.
 */
export function receivedOf(value: unknown): unknown {
  return value !== null && typeof value === "object" ? received.get(value) : undefined;
}

function only(value: unknown, raw: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(raw)) return value.map((v, i) => only(v, raw[i]));
  if (!isPlainObject(value) || !isPlainObject(raw)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k in raw) out[k] = only(v, raw[k]);
  return out;
}

/**
 * The members of a request body's validated value that the client actually sent, at every depth: the defaults
 * validation filled in are left out (pydantic's `model_dump(exclude_unset=True)`). For a value that did not come
 * from a request body, a copy of the whole value.
 *
 * @example
 * ```ts
 * // PATCH {"price": 3} → { price: 3 }, although `item` also holds the defaults of the other fields
 * const update_data = excludeUnset(item);
 * ```
 */
export function excludeUnset<T extends object>(value: T): Partial<T> {
  const raw = received.get(value);
  return (raw === undefined ? (Array.isArray(value) ? [...value] : { ...value }) : only(value, raw)) as Partial<T>;
}
