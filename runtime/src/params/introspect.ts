import type { ZodType } from "zod";
import { temporalKind } from "../datetime/schemas.ts";

/** The minimal view of a zod v4 schema's internals that the runtime reads. */
export interface ZodDef {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  getter?: () => ZodType;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  options?: ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  catchall?: ZodType;
  valueType?: ZodType;
  keyType?: ZodType;
  items?: ZodType[];
  format?: string;
  checks?: { _zod: { def: { check: string; [k: string]: unknown } } }[];
  left?: ZodType;
  right?: ZodType;
}

/** Reads a schema's definition. */
export function defOf(schema: ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

/** `true` when the schema accepts a missing value (`.optional()`, `.default()`, …). */
export function acceptsUndefined(schema: ZodType): boolean {
  return (schema as unknown as { _zod: { optin?: string } })._zod.optin !== undefined;
}

const wrappers = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"]);

/** Strips optional/nullable/default/readonly/pipe/lazy wrappers down to the schema that decides the type. */
export function unwrap(schema: ZodType): ZodType {
  let s = schema;
  for (let i = 0; i < 64; i++) {
    const d = defOf(s);
    if (wrappers.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = defOf(d.in).type === "transform" && d.out ? d.out : d.in;
    else if (d.type === "lazy" && d.getter) s = d.getter();
    else return s;
  }
  return s;
}

/** `true` for schemas of a single scalar value (string, number, boolean, enum, literal, date, …). */
export function isScalar(schema: ZodType): boolean {
  const d = defOf(unwrap(schema));
  switch (d.type) {
    case "string": case "number": case "int": case "boolean": case "bigint": case "enum": case "literal":
    case "date": case "template_literal": case "null": case "any": case "unknown":
      return true;
    case "union":
      return (d.options ?? []).every(isScalar);
    case "custom":
      // fastapi-ts's date and time schemas read a single string, as pydantic's date and time types do.
      return temporalKind(unwrap(schema)) !== undefined;
    default:
      return false;
  }
}

/** `true` for an array (or set) of scalars. */
export function isScalarSequence(schema: ZodType): boolean {
  const d = defOf(unwrap(schema));
  return (d.type === "array" || d.type === "set") && d.element !== undefined && isScalar(d.element)
    || d.type === "tuple" && (d.items ?? []).every(isScalar);
}

/** `true` when the schema (unwrapped) is an array, set or tuple. */
export function isSequence(schema: ZodType): boolean {
  const t = defOf(unwrap(schema)).type;
  return t === "array" || t === "set" || t === "tuple";
}

/** The shape of an object schema (unwrapped), or `null`. */
export function objectShape(schema: ZodType): Record<string, ZodType> | null {
  const d = defOf(unwrap(schema));
  return d.type === "object" && d.shape ? d.shape : null;
}

/** `true` when an object schema forbids unknown keys (`z.strictObject`). */
export function isStrictObject(schema: ZodType): boolean {
  const d = defOf(unwrap(schema));
  return d.type === "object" && d.catchall !== undefined && defOf(d.catchall).type === "never";
}

/** `true` for integer number schemas (`z.int()`, `z.int32()`, …). */
export function isIntSchema(schema: ZodType): boolean {
  const d = defOf(schema);
  if (d.type === "bigint") return true;
  if (d.type !== "number") return false;
  if (d.format && /int/.test(d.format)) return true;
  return (d.checks ?? []).some((c) => c._zod.def.check === "number_format" && /int/.test(String(c._zod.def.format)));
}

/** The schema at a path inside a schema (objects, arrays, records, tuples), or `undefined`. */
export function schemaAt(schema: ZodType, path: readonly PropertyKey[]): ZodType | undefined {
  let s: ZodType | undefined = schema;
  for (const key of path) {
    if (!s) return undefined;
    const d = defOf(unwrap(s));
    if (d.type === "object") s = d.shape?.[String(key)] ?? d.catchall;
    else if (d.type === "array" || d.type === "set") s = d.element;
    else if (d.type === "tuple") s = d.items?.[Number(key)];
    else if (d.type === "record" || d.type === "map") s = d.valueType;
    else if (d.type === "intersection") s = (d.left && schemaAt(d.left, [key])) ?? (d.right && schemaAt(d.right, [key]));
    else return undefined;
  }
  return s;
}

/** The default a schema declares (`.default(x)`, through optional/nullable wrappers), else `undefined`. */
export function fieldDefault(schema: ZodType): unknown {
  let s = schema;
  for (let i = 0; i < 16; i++) {
    const d = defOf(s) as ZodDef & { defaultValue?: unknown };
    if (d.type === "default" || d.type === "prefault") return d.defaultValue;
    if (!wrappers.has(d.type) || !d.innerType) return undefined;
    s = d.innerType;
  }
  return undefined;
}
