import type { ZodType } from "zod";
import type { ValidationErrorItem } from "../exceptions.ts";
import { defOf, isIntSchema, schemaAt, unwrap } from "../params/introspect.ts";
import { pydanticErrorOf, temporalKind } from "../datetime/schemas.ts";
import { dateError, datetimeError, isUuidFormat, timeError, uuidError } from "./formats.ts";

/** The part of a zod v4 issue the mapping reads. */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
  values?: unknown[];
  keys?: string[];
  divisor?: number;
  errors?: ZodIssueLike[][];
  issues?: ZodIssueLike[];
  params?: Record<string, unknown>;
}

/** At most this many errors are reported for one request (pydantic reports all; this caps hostile input). */
export const MAX_ERRORS = 100;

/** A Python `repr` of a JSON-like scalar, as pydantic prints expected values (`'a'`, `1`, `True`, `None`). */
export function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null || v === undefined) return "None";
  return String(v);
}

/** Joins expected values as pydantic does: `'a', 'b' or 'c'`. */
export function expectedList(values: readonly unknown[]): string {
  const reprs = values.map(pyRepr);
  return reprs.length <= 1 ? (reprs[0] ?? "") : `${reprs.slice(0, -1).join(", ")} or ${reprs[reprs.length - 1]}`;
}

function item(type: string, loc: (string | number)[], msg: string, input: unknown, ctx?: Record<string, unknown>): ValidationErrorItem {
  return ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = v instanceof Map ? v.get(k) : (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function plural(n: number | bigint): string {
  return Number(n) === 1 ? "" : "s";
}

/** Maps zod issues to FastAPI/pydantic errors, prefixing `loc` (e.g. `["query", "q"]`). */
export function mapIssues(issues: readonly ZodIssueLike[], schema: ZodType, root: unknown, prefix: (string | number)[]): ValidationErrorItem[] {
  const out: ValidationErrorItem[] = [];
  const seen = new Set<string>();
  for (const issue of pydanticIssues(issues)) {
    if (out.length >= MAX_ERRORS) break;
    // pydantic stops at a value's first failing constraint; zod reports them all.
    const key = JSON.stringify(issue.path.map(String));
    if (issue.code !== "invalid_union" && issue.code !== "unrecognized_keys" && seen.has(key)) continue;
    seen.add(key);
    mapIssue(issue, schema, root, prefix, out);
  }
  return out;
}

/** zod's bound of `z.int()`, which pydantic has not: it reads any integer (`int_parsing_size` past 64 bits for a float). */
function isSafeIntBound(issue: ZodIssueLike): boolean {
  if (issue.origin !== "int" || (issue.code !== "too_big" && issue.code !== "too_small")) return false;
  const bound = issue.code === "too_big" ? issue.maximum : issue.minimum;
  return bound !== undefined && Math.abs(Number(bound)) === Number.MAX_SAFE_INTEGER;
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function isBelow(path: readonly PropertyKey[], parent: readonly PropertyKey[]): boolean {
  return path.length > parent.length && parent.every((k, i) => k === path[i]);
}

/**
 * The issues pydantic would report, from zod's: zod checks a list's length after its items and reports both,
 * pydantic stops at `max_length` while reading the items (only `too_long`, the item errors dropped) and checks
 * `min_length` only when every item is valid (only the item errors). `z.int()`'s safe-integer bound gives way to
 * a bound of the user's on the same value.
 */
function pydanticIssues(issues: readonly ZodIssueLike[]): readonly ZodIssueLike[] {
  const lengths = issues.filter((i) => (i.code === "too_big" || i.code === "too_small") && (i.origin === "array" || i.origin === "set"));
  const safeInts = issues.filter(isSafeIntBound);
  if (!lengths.length && !safeInts.length) return issues;
  return issues.filter((issue) => {
    if (isSafeIntBound(issue)) return !issues.some((o) => o !== issue && !isSafeIntBound(o) && samePath(o.path, issue.path));
    if (lengths.includes(issue)) {
      return issue.code === "too_big" || !issues.some((o) => isBelow(o.path, issue.path));
    }
    return !lengths.some((l) => l.code === "too_big" && isBelow(issue.path, l.path));
  });
}

/** Whether `path` names a key absent from its parent object: pydantic's `missing`, whatever the field's type. */
function isAbsentKey(root: unknown, path: readonly (string | number)[]): boolean {
  if (!path.length) return false;
  const parent = valueAt(root, path.slice(0, -1));
  if (parent === null || typeof parent !== "object" || Array.isArray(parent)) return false;
  return parent instanceof Map ? !parent.has(path[path.length - 1]) : !(path[path.length - 1]! in parent);
}

function mapIssue(issue: ZodIssueLike, schema: ZodType, root: unknown, prefix: (string | number)[], out: ValidationErrorItem[]): void {
  const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
  const loc = [...prefix, ...path];
  const here = schemaAt(schema, path);
  const leaf = here ? unwrap(here) : undefined;
  const input = "input" in issue ? issue.input : valueAt(root, path);
  if (input === undefined && issue.code !== "unrecognized_keys" && isAbsentKey(root, path)) {
    // zod reports an absent enum or literal as `invalid_value`, an absent union as `invalid_union`…
    out.push(item("missing", loc, "Field required", valueAt(root, path.slice(0, -1))));
    return;
  }
  if (isSafeIntBound(issue)) {
    out.push(item("int_parsing_size", loc, "Unable to parse input string as an integer, exceeded maximum size", input));
    return;
  }
  switch (issue.code) {
    case "invalid_type": {
      if (input === undefined) {
        out.push(item("missing", loc, "Field required", path.length ? valueAt(root, path.slice(0, -1)) ?? null : null));
        return;
      }
      out.push(typeError(issue.expected ?? "", leaf, loc, input));
      return;
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = small ? issue.minimum! : issue.maximum!;
      const n = typeof bound === "bigint" ? Number(bound) : bound;
      if (issue.origin === "string") {
        out.push(small ? item("string_too_short", loc, `String should have at least ${n} character${plural(n)}`, input, { min_length: n })
          : item("string_too_long", loc, `String should have at most ${n} character${plural(n)}`, input, { max_length: n }));
      } else if (issue.origin === "array" || issue.origin === "set") {
        const fieldType = issue.origin === "set" ? "Set" : "List";
        const actual = Array.isArray(input) ? input.length : input instanceof Set ? input.size : 0;
        out.push(small
          ? item("too_short", loc, `${fieldType} should have at least ${n} item${plural(n)} after validation, not ${actual}`, input, { field_type: fieldType, min_length: n, actual_length: actual })
          : item("too_long", loc, `${fieldType} should have at most ${n} item${plural(n)} after validation, not ${actual}`, input, { field_type: fieldType, max_length: n, actual_length: actual }));
      } else if (issue.origin === "file") {
        out.push(item("value_error", loc, `Value error, ${issue.message}`, input, { error: {} }));
      } else {
        const [type, word, key] = small
          ? issue.inclusive ? ["greater_than_equal", "greater than or equal to", "ge"] : ["greater_than", "greater than", "gt"]
          : issue.inclusive ? ["less_than_equal", "less than or equal to", "le"] : ["less_than", "less than", "lt"];
        out.push(item(type, loc, `Input should be ${word} ${n}`, input, { [key]: n }));
      }
      return;
    }
    case "not_multiple_of":
      out.push(item("multiple_of", loc, `Input should be a multiple of ${issue.divisor}`, input, { multiple_of: issue.divisor }));
      return;
    case "invalid_format":
      out.push(formatError(issue, loc, input));
      return;
    case "invalid_value": {
      const values = issue.values ?? [];
      const isEnum = leaf !== undefined && defOf(leaf).type === "enum";
      const expected = expectedList(values);
      out.push(item(isEnum ? "enum" : "literal_error", loc, `Input should be ${expected}`, input, { expected }));
      return;
    }
    case "unrecognized_keys":
      for (const key of issue.keys ?? []) {
        out.push(item("extra_forbidden", [...loc, key], "Extra inputs are not permitted", valueAt(input, [key])));
      }
      return;
    case "invalid_union":
      unionErrors(issue, here, root, path, loc, input, out);
      return;
    case "invalid_key": {
      // pydantic reports a bad dict key at `[..., key, "[key]"]`, validated by the key's schema.
      const record = schemaAt(schema, path.slice(0, -1));
      const keyType = record ? defOf(unwrap(record)).keyType : undefined;
      if (keyType) {
        for (const sub of issue.issues ?? []) mapIssue(sub, keyType, sub.input, [...loc, "[key]"], out);
        return;
      }
      for (const sub of issue.issues ?? []) mapIssue({ ...sub, path: [...issue.path, ...sub.path] }, schema, root, prefix, out);
      return;
    }
    case "invalid_element":
      for (const sub of issue.issues ?? []) mapIssue({ ...sub, path: [...issue.path, ...sub.path] }, schema, root, prefix, out);
      return;
    case "recursion_loop":
      out.push(item("recursion_loop", loc, "Recursion error - cyclic reference detected", input));
      return;
    case "custom": {
      // A schema that reports pydantic's own error (the date and time schemas) is reported as is.
      const error = pydanticErrorOf(issue);
      if (error) {
        out.push(item(error.type, loc, error.msg, input, error.ctx));
        return;
      }
      out.push(item("value_error", loc, `Value error, ${issue.message}`, input, { error: {} }));
      return;
    }
    default: {
      out.push(item("value_error", loc, `Value error, ${issue.message}`, input, { error: {} }));
    }
  }
}

/** `true` for the engine's "Maximum call stack size exceeded". */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** How deep an error's `input` is kept; deeper values are cut (a 422 must not fail to encode what was sent). */
export const MAX_INPUT_DEPTH = 64;

const CUT = "...";

/**
 * The input of a validation error, cut below {@link MAX_INPUT_DEPTH} levels of arrays and objects (the deeper
 * parts become `"..."`); the same value when it is shallower. Iterative: any depth of JSON is fine.
 */
export function clipInput(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  // First a cheap look: most inputs are shallow and are returned untouched.
  let deep = false;
  const probe: [unknown, number][] = [[value, 0]];
  while (probe.length && !deep) {
    const [v, d] = probe.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d >= MAX_INPUT_DEPTH) deep = true;
    else for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") probe.push([x, d + 1]);
  }
  if (!deep) return value;
  const root: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  const work: [object, Record<string, unknown> | unknown[], number][] = [[value, root, 0]];
  while (work.length) {
    const [from, to, d] = work.pop()!;
    for (const [k, x] of Object.entries(from)) {
      let copy: unknown = x;
      if (x !== null && typeof x === "object" && !(x instanceof Date)) {
        if (d + 1 >= MAX_INPUT_DEPTH) copy = CUT;
        else {
          copy = Array.isArray(x) ? [] : {};
          work.push([x, copy as Record<string, unknown>, d + 1]);
        }
      }
      (to as Record<string, unknown>)[k] = copy;
    }
  }
  return root;
}

function typeError(expected: string, leaf: ZodType | undefined, loc: (string | number)[], input: unknown): ValidationErrorItem {
  const str = typeof input === "string";
  const leafType = leaf ? defOf(leaf).type : expected;
  const isInt = expected === "int" || expected === "bigint" || (leaf !== undefined && isIntSchema(leaf));
  if (expected === "number" || expected === "int" || expected === "bigint" || leafType === "number") {
    if (isInt) {
      if (str) return item("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", input);
      if (typeof input === "number" && Number.isFinite(input)) return item("int_from_float", loc, "Input should be a valid integer, got a number with a fractional part", input);
      return item("int_type", loc, "Input should be a valid integer", input);
    }
    if (str) return item("float_parsing", loc, "Input should be a valid number, unable to parse string as a number", input);
    if (typeof input === "number") return item("finite_number", loc, "Input should be a finite number", input);
    return item("float_type", loc, "Input should be a valid number", input);
  }
  switch (expected) {
    case "boolean":
      // A whole number other than 0 and 1 (within 64 bits) is read but not a boolean; a fraction is not read.
      return str || (typeof input === "number" && Number.isInteger(input) && Math.abs(input) < 2 ** 63)
        ? item("bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", input)
        : item("bool_type", loc, "Input should be a valid boolean", input);
    case "string":
      if (leaf !== undefined && isUuidFormat(defOf(leaf).format)) return item("uuid_type", loc, "UUID input should be a string, bytes or UUID object", input);
      return item("string_type", loc, "Input should be a valid string", input);
    case "object":
      return item("model_attributes_type", loc, "Input should be a valid dictionary or object to extract fields from", input);
    case "record":
    case "map":
      return item("dict_type", loc, "Input should be a valid dictionary", input);
    case "array":
      return item("list_type", loc, "Input should be a valid list", input);
    case "set":
      return item("set_type", loc, "Input should be a valid set", input);
    case "tuple":
      return item("tuple_type", loc, "Input should be a valid tuple", input);
    case "null":
      return item("none_required", loc, "Input should be None", input);
    case "date": {
      // `z.date()` is read as pydantic's `datetime`; a string it could not read fails as pydantic's would.
      if (str) {
        const error = datetimeError(input);
        return item("datetime_from_date_parsing", loc, `Input should be a valid datetime or date, ${error}`, input, { error });
      }
      return item("datetime_type", loc, "Input should be a valid datetime", input);
    }
    case "file":
      return item("value_error", loc, "Value error, Expected UploadFile, received: " + typeName(input), input, { error: {} });
    default:
      return item(`${expected}_type`, loc, `Input should be a valid ${expected}`, input);
  }
}

function typeName(v: unknown): string {
  return v === null ? "<class 'NoneType'>" : `<class '${typeof v === "string" ? "str" : typeof v}'>`;
}

function formatError(issue: ZodIssueLike, loc: (string | number)[], input: unknown): ValidationErrorItem {
  const s = String(input);
  switch (issue.format) {
    case "regex": {
      const p = issue.pattern ?? "";
      const pattern = p.startsWith("/") ? p.slice(1, p.lastIndexOf("/")) : p;
      return item("string_pattern_mismatch", loc, `String should match pattern '${pattern}'`, input, { pattern });
    }
    case "uuid": case "guid": case "uuidv4": case "uuidv6": case "uuidv7": {
      const error = uuidError(s);
      return item("uuid_parsing", loc, `Input should be a valid UUID, ${error}`, input, { error });
    }
    // zod's ISO formats are stricter than pydantic's types; where pydantic would have read the value, the nearest
    // pydantic error is reported.
    case "datetime": {
      const error = datetimeError(s);
      return item("datetime_from_date_parsing", loc, `Input should be a valid datetime or date, ${error}`, input, { error });
    }
    case "date": {
      const e = dateError(s);
      return item(e.type, loc, e.msg, input, e.ctx);
    }
    case "time": {
      const error = timeError(s);
      return item("time_parsing", loc, `Input should be in a valid time format, ${error}`, input, { error });
    }
    case "email": {
      const reason = s.includes("@") ? "There must be something after the @-sign." : "An email address must have an @-sign.";
      return item("value_error", loc, `value is not a valid email address: ${reason}`, input, { reason });
    }
    case "url": {
      const error = s.includes(":") ? "invalid international domain name" : "relative URL without a base";
      return item("url_parsing", loc, `Input should be a valid URL, ${error}`, input, { error });
    }
    case "starts_with": case "ends_with": case "includes":
      return item("value_error", loc, `Value error, ${issue.message}`, input, { error: {} });
    default:
      return item("string_pattern_mismatch", loc, `String should match pattern '${issue.pattern ?? issue.format}'`, input, { pattern: issue.pattern ?? issue.format });
  }
}

/** pydantic's name of a union member, used as the extra `loc` element of its errors. */
function memberTag(schema: ZodType): string {
  const meta = (schema as unknown as { meta?: () => { id?: string; title?: string } | undefined }).meta?.();
  if (meta?.id) return meta.id;
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case "string": return "str";
    case "number": return isIntSchema(s) ? "int" : "float";
    case "boolean": return "bool";
    case "bigint": return "int";
    case "null": return "none";
    case "array": return d.element ? `list[${memberTag(d.element)}]` : "list";
    case "object": return "Model";
    case "literal": return `literal[${(d.values ?? []).map(pyRepr).join(",")}]`;
    case "enum": return "enum";
    case "custom": {
      const kind = temporalKind(s);
      return kind === "duration" ? "timedelta" : kind ?? d.type;
    }
    default: return d.type;
  }
}

function unionErrors(issue: ZodIssueLike, here: ZodType | undefined, root: unknown, path: (string | number)[],
  loc: (string | number)[], input: unknown, out: ValidationErrorItem[]): void {
  const options = here ? defOf(unwrap(here)).options ?? [] : [];
  const branches = issue.errors ?? [];
  if (branches.length === 0) {
    out.push(item("union_tag_invalid", loc, issue.message, input));
    return;
  }
  const nonNull = options.filter((o) => defOf(unwrap(o)).type !== "null");
  branches.forEach((branch, i) => {
    const member = options[i];
    if (!member || defOf(unwrap(member)).type === "null") return;
    const prefix = nonNull.length > 1 ? [...loc, memberTag(member)] : loc;
    for (const sub of branch) {
      mapIssue(sub, member, valueAt(root, path), prefix, out);
    }
  });
}

/**
 * pydantic's `ValidationError.errors()` for a zod parse you run yourself (`schema.safeParse(data)`): the same items
 * a 422 carries, but located from the root of `input` (`["tags", 3]`, no `"body"` prefix). Use it to report a body
 * you parse by hand: `throw new HTTPException(422, { detail: validationErrors(Item, data, result.error) })`.
 */
export function validationErrors(schema: ZodType, input: unknown, error: { issues: readonly unknown[] }): ValidationErrorItem[] {
  return mapIssues(error.issues as readonly ZodIssueLike[], schema, input, []);
}
