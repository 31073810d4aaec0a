import { z, type ZodType } from "zod";
import { temporalKind, type TemporalKind } from "../datetime/schemas.ts";
import { defOf } from "../params/introspect.ts";
import { isCodec } from "../codecs.ts";
import { discriminate, fieldTitle, setBounds, shapeRecord, shapeTuple, urlBounds, type JSONSchema } from "./keywords.ts";

export type { JSONSchema } from "./keywords.ts";
/** Which side of the wire a schema documents: a request (`input`) or a response (`output`). */
export type Mode = "input" | "output";

const SAFE = Number.MAX_SAFE_INTEGER;
const OUTER_KEYS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"]);
/** Marks keys of a nullable's schema that belong beside its `anyOf` (set by `override`, removed by `normalize`). */
const OUTER_MARK = "x-fastapi-ts-outer";
const FORMATS_WITH_BUILTIN_PATTERN = new Set(["uuid", "guid", "date-time", "date", "time", "email", "uri", "duration",
  "ipv4", "ipv6", "cidrv4", "cidrv6", "base64", "base64url", "e164", "jwt", "emoji", "nanoid", "cuid", "cuid2", "ulid", "xid", "ksuid"]);

/** pydantic's JSON Schema `format` of each date and time type. */
const TEMPORAL_FORMAT: Record<TemporalKind, string> = { datetime: "date-time", date: "date", time: "time", duration: "duration" };

function override(mode: Mode) {
  return (ctx: { zodSchema: unknown; jsonSchema: JSONSchema }): void => {
    const s = ctx.zodSchema as ZodType;
    const d = defOf(s);
    const js = ctx.jsonSchema;
    // `.meta()` on a nullable/union (pydantic's `json_schema_extra` on an `X | None` field) stays beside `anyOf`.
    if (Array.isArray(js.anyOf)) {
      const meta = z.globalRegistry.get(s) as Record<string, unknown> | undefined;
      const keys = meta ? Object.keys(meta).filter((k) => k in js && !OUTER_KEYS.has(k) && k !== "id") : [];
      if (keys.length) js[OUTER_MARK] = keys;
    }
    switch (d.type) {
      case "pipe":
        // A codec travels as its JSON side in both directions (Base64 text for bytes); pydantic names no `format`.
        if (isCodec(s)) {
          const wire = inlineSchema(d.in as ZodType, "input");
          for (const k of Object.keys(js)) if (!(k in (z.globalRegistry.get(s) ?? {}))) delete js[k];
          Object.assign(js, wire, { ...js });
          if (js.contentEncoding === "base64" && js.format === "base64") delete js.format;
        }
        break;
      case "object": {
        const strict = d.catchall !== undefined && defOf(d.catchall).type === "never";
        if (js.additionalProperties === false && !strict) delete js.additionalProperties;
        // Any extra key (`z.looseObject`, pydantic's `extra="allow"`) is `additionalProperties: true`.
        const extra = js.additionalProperties;
        if (extra && typeof extra === "object" && Object.keys(extra).length === 0) js.additionalProperties = true;
        if (mode === "output" && Array.isArray(js.required)) {
          const shape = d.shape ?? {};
          js.required = (js.required as string[]).filter((k) => {
            const f = shape[k];
            return !f || (f as unknown as { _zod: { optin?: string } })._zod.optin === undefined;
          });
          if ((js.required as string[]).length === 0) delete js.required;
        }
        break;
      }
      case "date":
        Object.assign(js, { type: "string", format: "date-time" });
        break;
      case "custom": {
        const kind = temporalKind(s);
        if (kind) Object.assign(js, { type: "string", format: TEMPORAL_FORMAT[kind] });
        break;
      }
      case "string":
        // zod leaves `format` out for `z.iso.time()`, and for a datetime that may be naive (`local: true`);
        // pydantic's `time` is `"format": "time"`, its `datetime` (naive or aware) `"format": "date-time"`.
        if (d.format === "time") js.format = "time";
        else if (d.format === "datetime") js.format = "date-time";
        else if (d.format === "url") urlBounds(s, js);
        break;
      case "union":
        discriminate(s, js);
        break;
      case "record":
        shapeRecord(s, js);
        break;
      case "tuple":
        shapeTuple(js);
        break;
      case "bigint":
        js.type = "integer";
        break;
      case "literal":
        if (js.type === "number") typeNumbers(js, d.values ?? []);
        // pydantic's `Literal[None]` is the `null` type alone.
        if (js.type === "null") delete js.const;
        break;
      case "enum":
        if (js.type === "number") typeNumbers(js, Object.values(d.entries ?? {}));
        break;
      case "default": {
        // zod copies a default through JSON, which turns a `Set` into `{}`; JSON has no sets, so document an array.
        const value = (d as { defaultValue?: unknown }).defaultValue;
        if (value instanceof Set) js.default = [...value];
        break;
      }
      case "set": {
        // zod keeps a set's element schema in `valueType`; JSON has no sets, so a `Set` default is an array.
        const element = d.valueType ?? d.element;
        Object.assign(js, { type: "array", uniqueItems: true }, element ? { items: inlineSchema(element, mode) } : {});
        setBounds(s, js);
        break;
      }
      case "map":
        Object.assign(js, { type: "object" }, d.valueType ? { additionalProperties: inlineSchema(d.valueType, mode) } : {});
        break;
    }
  };
}

/**
 * pydantic types a literal or an enum by its values' Python types: integers are "integer", fractions "number", and
 * integers mixed with fractions (int and float) get no type at all.
 */
function typeNumbers(js: JSONSchema, values: readonly unknown[]): void {
  const ints = values.filter((v) => Number.isInteger(v)).length;
  if (ints === values.length) js.type = "integer";
  else if (ints > 0) delete js.type;
}

function inlineSchema(schema: ZodType, mode: Mode): JSONSchema {
  const out = z.toJSONSchema(schema, { io: mode, unrepresentable: "any", reused: "inline", override: override(mode) }) as JSONSchema;
  delete out.$schema;
  return normalize(out);
}

/** A model reference, or a nullable one: pydantic gives such a field no title of its own. */
export function isRefLike(p: JSONSchema): boolean {
  if (typeof p.$ref === "string") return true;
  const any = p.anyOf as JSONSchema[] | undefined;
  return Array.isArray(any) && any.length === 2 && any.some((x) => typeof x.$ref === "string") && any.some((x) => x.type === "null");
}


/** Makes zod's JSON Schema look like pydantic's: field titles, `anyOf` for nullables, no synthetic bounds/patterns. */
export function normalize(js: JSONSchema): JSONSchema {
  const outerExtra = (js[OUTER_MARK] ?? []) as string[];
  delete js[OUTER_MARK];
  if (Array.isArray(js.type) && js.type.length === 2 && js.type.includes("null")) {
    const other = js.type.find((t) => t !== "null");
    const inner: JSONSchema = { type: other };
    const outer: JSONSchema = {};
    for (const [k, v] of Object.entries(js)) {
      if (k === "type") continue;
      if (OUTER_KEYS.has(k) || outerExtra.includes(k)) outer[k] = v;
      else inner[k] = v;
    }
    for (const k of Object.keys(js)) delete js[k];
    Object.assign(js, { anyOf: [inner, { type: "null" }] }, outer);
  }
  // pydantic/FastAPI never document a `null` default (`X | None = None`).
  if (js.default === null) delete js.default;
  if (js.type === "integer") {
    if (js.minimum === -SAFE) delete js.minimum;
    if (js.maximum === SAFE) delete js.maximum;
  }
  if (typeof js.format === "string" && FORMATS_WITH_BUILTIN_PATTERN.has(js.format)) delete js.pattern;
  // OpenAPI 3.1 (and current FastAPI) document bytes by their media type, not by `format: binary`.
  if (js.format === "binary") {
    delete js.format;
    delete js.contentEncoding;
    js.contentMediaType ??= "application/octet-stream";
  }
  if (js.properties && typeof js.properties === "object") {
    for (const [k, p] of Object.entries(js.properties as Record<string, JSONSchema>)) {
      normalize(p);
      if (p.title === undefined && !isRefLike(p)) p.title = fieldTitle(k);
    }
  }
  for (const key of ["items", "additionalProperties", "not", "contains", "propertyNames"]) {
    const v = js[key];
    if (v && typeof v === "object" && !Array.isArray(v)) normalize(v as JSONSchema);
  }
  for (const key of ["anyOf", "oneOf", "allOf", "prefixItems"]) {
    const v = js[key];
    if (Array.isArray(v)) for (const x of v) if (x && typeof x === "object") normalize(x as JSONSchema);
  }
  for (const key of ["patternProperties", "$defs"]) {
    const v = js[key];
    if (v && typeof v === "object") for (const x of Object.values(v)) if (x && typeof x === "object") normalize(x as JSONSchema);
  }
  if (Array.isArray(js.anyOf)) js.anyOf = flatAnyOf(js.anyOf as JSONSchema[]);
  return js;
}

/**
 * pydantic's members of a union: a member that is itself only a union is spliced in (`int | str | None`, zod's
 * `z.union([z.int(), z.string()]).nullable()`, is one `anyOf` of three), and duplicates are dropped.
 */
function flatAnyOf(members: JSONSchema[]): JSONSchema[] {
  const out: JSONSchema[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    const parts = Object.keys(m).length === 1 && Array.isArray(m.anyOf) ? (m.anyOf as JSONSchema[]) : [m];
    for (const p of parts) {
      const key = canonical(p);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out;
}

/** A JSON value's text with object keys sorted, so equal schemas compare equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => x && typeof x === "object" && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as JSONSchema).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x);
}

/**
 * Whether a named schema stands for a pydantic model or enum, which pydantic titles by their class name; any other
 * named schema (a union, a list… — pydantic's `TypeAliasType`) has no title.
 */
function isModelLike(name: string, def: JSONSchema): boolean {
  const schema = (z.globalRegistry as unknown as { _idmap?: Map<string, ZodType> })._idmap?.get(name);
  if (schema) return ["object", "enum"].includes(defOf(schema).type);
  return def.type === "object" || Array.isArray(def.enum);
}

/**
 * A zod schema as pydantic's JSON Schema: the schema itself (named models in it as `#/$defs/<id>` references) and
 * the named models it uses, each titled by its id.
 */
export function convert(schema: ZodType, mode: Mode): { root: JSONSchema; defs: Record<string, JSONSchema> } {
  const root = z.toJSONSchema(schema, { io: mode, unrepresentable: "any", override: override(mode) }) as JSONSchema;
  delete root.$schema;
  const defs = (root.$defs ?? {}) as Record<string, JSONSchema>;
  delete root.$defs;
  for (const [name, def] of Object.entries(defs)) {
    if (def.title === undefined && isModelLike(name, def)) def.title = name;
    normalize(def);
  }
  normalize(root);
  return { root, defs };
}

/**
 * pydantic's `Model.model_json_schema()`: the JSON Schema of a zod schema as fastapi-ts documents it (titles,
 * `anyOf` for nullables), standalone: a named root model is inlined, nested named models stay in `$defs`.
 * Use it to document content you validate yourself (`openapiExtra`'s `requestBody`).
 */
export function modelJsonSchema(schema: ZodType, mode: Mode = "input"): JSONSchema {
  const { root: out, defs } = convert(schema, mode);
  let result = out;
  const ref = typeof out.$ref === "string" && out.$ref.startsWith("#/$defs/") ? out.$ref.slice(8) : null;
  if (ref && defs[ref] && Object.keys(out).length === 1 && !JSON.stringify(defs).includes(`"#/$defs/${ref}"`)) {
    result = defs[ref];
    delete defs[ref];
  }
  if (Object.keys(defs).length) result.$defs = defs;
  return result;
}
