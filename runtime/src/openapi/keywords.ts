// How pydantic shapes the JSON Schema of particular kinds of types, applied to zod's output for the zod type that
// stands for them: discriminated unions, dicts, tuples, sets and URLs. Each function edits a schema in place.
import type { ZodType } from "zod";
import { defOf } from "../params/introspect.ts";

/** A JSON Schema object. */
export type JSONSchema = { [key: string]: unknown };

/**
 * pydantic's default title of a field (and FastAPI's of a parameter or a response): Python's
 * `name.title().replace("_", " ")` — a letter after a non-letter starts a word, so `user_id` is "User Id",
 * `x2y` "X2Y" and `someField` "Somefield".
 */
export function fieldTitle(name: string): string {
  let out = "";
  let prevCased = false;
  for (const ch of name) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += ch === "_" ? " " : cased ? (prevCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevCased = cased;
  }
  return out;
}

/** pydantic's `str(value)` of a discriminator value: the key of the OpenAPI `mapping`. */
function pyStr(v: unknown): string {
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null) return "None";
  return String(v);
}

interface UnionDef { options?: ZodType[]; discriminator?: unknown }

/**
 * The members of a discriminated union paired with their discriminator values, nested discriminated unions on the
 * same key spliced in (pydantic flattens `Union[A, Annotated[Union[B, C], Field(discriminator=…)]]`).
 */
function taggedMembers(schema: ZodType, json: JSONSchema, key: string): { values: unknown[]; json: JSONSchema }[] {
  const options = (defOf(schema) as UnionDef).options ?? [];
  const branches = (json.oneOf ?? json.anyOf) as JSONSchema[] | undefined;
  if (!Array.isArray(branches) || branches.length !== options.length) return [];
  return options.flatMap((option, i) => {
    const branch = branches[i]!;
    const d = defOf(option) as { type: string } & UnionDef;
    if (d.type === "union" && d.discriminator === key && typeof branch.$ref !== "string") {
      const inner = taggedMembers(option, branch, key);
      if (inner.length) return inner;
    }
    const values = (option as unknown as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues?.[key];
    return [{ values: values ? [...values] : [], json: branch }];
  });
}

/**
 * `z.discriminatedUnion(key, [...])` as pydantic documents `Annotated[Union[...], Field(discriminator=key)]`: the
 * members under `oneOf`, and an OpenAPI `discriminator` naming the key and mapping each value to its member's
 * `$ref` (keys sorted, as pydantic sorts them). A member that is not a named model has no `$ref` to map to, so it
 * is left out of `mapping` (pydantic's members are always named models).
 */
export function discriminate(schema: ZodType, js: JSONSchema): void {
  const key = (defOf(schema) as UnionDef).discriminator;
  if (typeof key !== "string") return;
  const members = taggedMembers(schema, js, key);
  if (!members.length) return;
  const oneOf: JSONSchema[] = [];
  for (const m of members) if (!oneOf.includes(m.json)) oneOf.push(m.json);
  const mapping: Record<string, string> = {};
  for (const m of members) {
    if (typeof m.json.$ref !== "string") continue;
    for (const v of m.values) mapping[pyStr(v)] = m.json.$ref;
  }
  delete js.anyOf;
  js.oneOf = oneOf;
  const sorted = Object.keys(mapping).sort();
  js.discriminator = sorted.length
    ? { propertyName: key, mapping: Object.fromEntries(sorted.map((k) => [k, mapping[k]!])) }
    : { propertyName: key };
}

/**
 * A `z.record(K, V)` as pydantic documents `dict[K, V]`: the values under `additionalProperties` (`true` for any
 * value), or under `patternProperties` when the keys have a pattern; `propertyNames` only for constrained string
 * keys (without their `type`) or a named key type; nothing about integer keys.
 */
export function shapeRecord(schema: ZodType, js: JSONSchema): void {
  const d = defOf(schema);
  const keyType = d.keyType ? defOf(d.keyType).type : "string";
  let keys = (js.propertyNames ?? {}) as JSONSchema;
  delete js.propertyNames;
  if (keyType === "number" || keyType === "int" || keyType === "bigint") keys = { type: "integer" };
  let pattern: unknown;
  if (typeof keys.$ref !== "string") {
    pattern = keys.pattern;
    delete keys.pattern;
    delete keys.title;
  }
  const raw = js.additionalProperties;
  const values: JSONSchema = raw && typeof raw === "object" ? { ...(raw as JSONSchema) } : {};
  delete values.title;
  delete js.additionalProperties;
  if (typeof pattern === "string") js.patternProperties = { [pattern]: values };
  else js.additionalProperties = Object.keys(values).length ? values : true;
  if ((keys.type === "string" && Object.keys(keys).length > 1) || typeof keys.$ref === "string") {
    delete keys.type;
    js.propertyNames = keys;
  }
}

/** A `z.tuple([...])` as pydantic's `tuple[...]`: bounded by `minItems`/`maxItems` alone (zod adds `items: false`). */
export function shapeTuple(js: JSONSchema): void {
  if (js.items === false) delete js.items;
}

/** A set's size bounds (`z.set(x).min(1).max(4)`, `.size(2)`) as pydantic's `minItems`/`maxItems`. */
export function setBounds(schema: ZodType, js: JSONSchema): void {
  for (const c of defOf(schema).checks ?? []) {
    const { check, minimum, maximum, size } = c._zod.def;
    if ((check === "min_size" || check === "size_equals") && typeof (minimum ?? size) === "number") {
      js.minItems = Math.max((js.minItems as number | undefined) ?? 0, (minimum ?? size) as number);
    }
    if ((check === "max_size" || check === "size_equals") && typeof (maximum ?? size) === "number") {
      js.maxItems = Math.min((js.maxItems as number | undefined) ?? Infinity, (maximum ?? size) as number);
    }
  }
}

/**
 * A URL as pydantic documents its URL types: `AnyUrl` (`z.url()`) is at least one character long, `HttpUrl`
 * (`z.httpUrl()`, only `http`/`https`) at most 2083 as well. Bounds the schema declares itself are kept.
 */
export function urlBounds(schema: ZodType, js: JSONSchema): void {
  js.minLength ??= 1;
  const protocol = (defOf(schema) as { protocol?: unknown }).protocol;
  if (protocol instanceof RegExp && protocol.test("http") && protocol.test("https") && !protocol.test("ftp")) js.maxLength ??= 2083;
}
