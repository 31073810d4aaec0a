import { provide } from "../injection.ts";
import type { ZodType } from "zod";
import { UploadFile } from "../datastructures.ts";
import { isStackOverflow } from "../validation/errors.ts";
import { readJsonBody, type ReceivedBody } from "../body.ts";
import { HTTPException, type ValidationErrorItem } from "../exceptions.ts";
import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";
import { parserOf } from "../validation/compiled.ts";
import { mapIssues, MAX_ERRORS, type ZodIssueLike } from "../validation/errors.ts";
import { rememberReceived } from "../validation/received.ts";
import { fieldDefault } from "./introspect.ts";
import { isModel, type FieldPlan, type ModelPlan, type ParamPlan } from "./plan.ts";

type Loc = "path" | "query" | "header" | "cookie" | "body";

export interface ParseResult {
  success: boolean;
  data?: unknown;
  error?: { issues: ZodIssueLike[] };
}

const parseOptions = { reportInput: true };

/** Validates a value with a zod schema (async refinements supported). */
export async function parseValue(schema: ZodType, value: unknown): Promise<ParseResult> {
  return parseMaybeSync(schema, value);
}

/**
 * {@link parseValue} without a promise when the schema is synchronous (almost always): a promise only for async
 * refinements. Perf: every `await` of a settled value still costs a microtask turn per parameter per request.
 */
export function parseMaybeSync(schema: ZodType, value: unknown): ParseResult | Promise<ParseResult> {
  try {
    // Perf: through zod's compiled parser where there is one (same results and errors; validation/compiled.ts).
    return (parserOf(schema) as unknown as { safeParse(v: unknown, o: object): ParseResult }).safeParse(value, parseOptions);
  } catch (e) {
    if (e instanceof Error && /async/i.test(e.message)) {
      return (schema as unknown as { safeParseAsync(v: unknown, o: object): Promise<ParseResult> }).safeParseAsync(value, parseOptions)
        .catch((inner: unknown) => tooDeep(inner, value));
    }
    return tooDeep(e, value);
  }
}

/** Input nested deeper than the stack allows a recursive schema to go fails validation (pydantic's `recursion_loop`). */
function tooDeep(error: unknown, value: unknown): ParseResult {
  if (!isStackOverflow(error)) throw error;
  return { success: false, error: { issues: [{ code: "recursion_loop", path: [], message: "", input: value }] } };
}

/** Per-request state shared by an operation and its dependencies. */
export interface SolveContext {
  request: Request;
  /** The temporal response, when the operation declares one. */
  response: Response | null;
  strictContentType: boolean;
  /** The JSON body, read and parsed once per request. */
  jsonBody?: ReceivedBody | Promise<ReceivedBody>;
}

/** Validates one parameter; returns a promise only when its schema is asynchronous (callers `if (p) await p`). */
function validate(f: FieldPlan, raw: unknown, loc: (string | number)[], errors: ValidationErrorItem[], out: Record<string, unknown>, source: unknown = raw): void | Promise<void> {
  if (raw === undefined && f.required) {
    errors.push({ type: "missing", loc, msg: "Field required", input: null });
    return;
  }
  const r = parseMaybeSync(f.schema, raw);
  if (r instanceof Promise) return r.then((x) => record(f, x, raw, loc, errors, out, source));
  record(f, r, raw, loc, errors, out, source);
}

function record(f: FieldPlan, r: ParseResult, raw: unknown, loc: (string | number)[], errors: ValidationErrorItem[], out: Record<string, unknown>, source: unknown): void {
  if (r.success) {
    out[f.key] = r.data;
    // A body keeps what the client sent beside it, for `excludeUnset()` (pydantic's `exclude_unset`).
    if (loc[0] === "body") rememberReceived(f.schema, r.data, source);
  }
  else errors.push(...withSourceInputs(mapIssues(r.error!.issues, f.schema, raw, loc), loc.length, raw, source));
}

/**
 * pydantic reports what the client sent as an error's `input`: the string from the path or query (`"0"`, not the
 * number it was converted to), the JSON value before lax conversions. Puts those back where a conversion happened.
 */
function withSourceInputs(items: ValidationErrorItem[], depth: number, converted: unknown, source: unknown): ValidationErrorItem[] {
  if (source === converted) return items;
  return items.map((e) => {
    if (e.type === "missing" || e.type === "extra_forbidden") return e;
    let v = source;
    for (const k of e.loc.slice(depth)) {
      if (v === null || typeof v !== "object") return e;
      v = (v as Record<string | number, unknown>)[k];
    }
    return v === undefined ? e : { ...e, input: v };
  });
}

function rawStrings(f: FieldPlan, values: readonly string[]): unknown {
  return f.sequence ? (values.length ? values : undefined) : values[values.length - 1];
}

function readStrings(f: FieldPlan, values: readonly string[]): unknown {
  if (f.sequence) return values.length ? values.map((v, i) => f.coerceElement(v, i)) : undefined;
  return values.length ? f.coerce(values[values.length - 1]!) : undefined;
}

/** A name's received values; `list` when a list parameter asks (a header then reads every line). */
type Getter = (name: string, list?: boolean) => readonly string[];

/**
 * Solves the parameters of one source in order. Synchronous unless a schema is asynchronous: then the rest
 * continues after it (same order of values and errors), and a promise is returned.
 */
function solveSource(items: readonly (FieldPlan | ModelPlan)[], loc: Loc, get: Getter, keys: () => Iterable<string>,
  errors: ValidationErrorItem[], out: Record<string, unknown>, from = 0, lines: Getter = get): void | Promise<void> {
  const read = (f: FieldPlan): readonly string[] => received(f, loc, get(f.alias, f.sequence));
  for (let i = from; i < items.length; i++) {
    const p = items[i]!;
    let pending: void | Promise<void>;
    if (!isModel(p)) {
      const values = read(p);
      pending = validate(p, readStrings(p, values), [loc, p.alias], errors, out, rawStrings(p, values));
    } else {
      const obj: Record<string, unknown> = {};
      const source: Record<string, unknown> = {};
      const known = new Set<string>();
      for (const f of p.fields) {
        known.add(f.alias);
        const values = read(f);
        const v = readStrings(f, values);
        if (v !== undefined) {
          obj[f.key] = v;
          source[f.key] = rawStrings(f, values);
        }
      }
      if (p.strict) for (const k of keys()) if (!known.has(k)) obj[k] = extraValue(loc, lines(k));
      const missingInput = (): Record<string, unknown> => modelInput(p, loc, get, keys, lines);
      const r = parseMaybeSync(p.schema, obj);
      pending = r instanceof Promise ? r.then((x) => recordModel(p, x, obj, source, loc, errors, out, missingInput))
        : recordModel(p, r, obj, source, loc, errors, out, missingInput);
    }
    if (pending) return pending.then(() => solveSource(items, loc, get, keys, errors, out, i + 1, lines));
  }
}

/**
 * The values a parameter reads of those received under its name, as FastAPI's `_get_multidict_value` reads them: a
 * list parameter reads every value, any other one value. A header's is its first line (Starlette's `Headers`; a list
 * reads every line, a line joined with `, ` as the values it joins: see `Request.headerLines`); a form model's
 * field, the last value, empty or not.
 */
function received(f: FieldPlan, loc: Loc, values: readonly string[]): readonly string[] {
  if (f.sequence || values.length < 2) return values;
  if (loc === "header") return values.slice(0, 1);
  if (loc === "body") return values.slice(-1);
  return values;
}

/**
 * The values a `Form()` parameter reads (FastAPI's `_get_multidict_value` for a `params.Form`): a list every value,
 * its empty strings kept (`tags=` is `[""]`), any other the last value, an empty one being no value (missing, or the
 * default). A form model's fields are not `params.Form`: they read an empty string as sent ({@link received}).
 */
function formFieldValues(f: FieldPlan, values: readonly string[]): readonly string[] {
  if (f.sequence || values.length === 0) return values;
  return values[values.length - 1] === "" ? [] : values.slice(-1);
}

function recordModel(p: ModelPlan, r: ParseResult, obj: Record<string, unknown>, source: Record<string, unknown>, loc: Loc, errors: ValidationErrorItem[], out: Record<string, unknown>,
  missingInput: () => Record<string, unknown>): void {
  if (r.success) {
    out[p.key] = r.data;
    return;
  }
  let input: Record<string, unknown> | undefined;
  for (const e of withSourceInputs(mapIssues(r.error!.issues, p.schema, obj, [loc]), 1, obj, source)) {
    // A missing field reports what the model was validated against: the mapping FastAPI builds from the request.
    errors.push(e.type === "missing" && e.loc.length === 2 ? { ...e, input: (input ??= missingInput()) } : e);
  }
}

/**
 * The mapping FastAPI validates a parameter model against (its `request_params_to_args` / `_extract_form_body`):
 * the model's fields that were received (lists for sequences), or their defaults when they have one other than
 * `null`, then every other received name as it came ({@link extraValue}). Fields are keyed by name, form fields by
 * their alias.
 */
function modelInput(p: ModelPlan, loc: Loc, get: Getter, keys: () => Iterable<string>, lines: Getter): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const processed = new Set<string>();
  for (const f of p.fields) {
    const values = received(f, loc, get(f.alias, f.sequence));
    const key = loc === "body" ? f.alias : f.key;
    processed.add(f.alias).add(f.key);
    if (values.length) input[key] = f.sequence ? [...values] : values[values.length - 1];
    else if (!f.required) {
      const value = fieldDefault(f.schema);
      if (value !== null && value !== undefined) input[key] = value;
    }
  }
  for (const k of keys()) {
    if (processed.has(k)) continue;
    input[k] = extraValue(loc, lines(k));
  }
  return input;
}

/**
 * A received name a parameter model does not declare, as FastAPI hands it to the model: every value when it came
 * more than once (Starlette's `getlist` on the query, the headers and the form), else the one value. Cookies are a
 * plain mapping: one value.
 */
function extraValue(loc: Loc, values: readonly string[]): unknown {
  return loc !== "cookie" && values.length > 1 ? [...values] : values.at(-1);
}

/** The values of an operation's (or a dependency's) parameters by declared key, or the errors. */
export interface SolvedParams {
  values: Record<string, unknown>;
  errors: ValidationErrorItem[];
  /** The received body (for the 422's `body`). */
  body?: unknown;
}

/**
 * Reads, coerces and validates every declared parameter of one operation (path, query, header, cookie, then
 * body, as FastAPI orders its errors). Returns the values by declared key, or the errors. Perf: synchronous
 * (no promise, no microtask turn) unless there is a body to read or a schema is asynchronous.
 */
export function solveParams(plan: ParamPlan, pathParams: Record<string, string>, ctx: SolveContext): SolvedParams | Promise<SolvedParams> {
  const values: Record<string, unknown> = {};
  const errors: ValidationErrorItem[] = [];
  const p = solveSources(plan, pathParams, ctx.request, errors, values, 0);
  if (!p && plan.body?.kind === "json" && errors.length < MAX_ERRORS) {
    // Perf: a JSON body already in hand is solved at once; otherwise its promise is continued directly (no `async`
    // layer per step).
    const received = (ctx.jsonBody ??= readJsonBody(ctx.request, ctx.strictContentType));
    return received instanceof Promise
      ? received.then((r) => solveReceived(plan, ctx, r, errors, values))
      : solveReceived(plan, ctx, received, errors, values);
  }
  if (p || plan.body) return solveParamsAsync(p, plan, ctx, errors, values);
  return finishParams(plan, ctx, values, errors, undefined);
}

/** The JSON body's parameters from the received body, then the rest of {@link solveParams}. */
function solveReceived(plan: ParamPlan, ctx: SolveContext, received: ReceivedBody, errors: ValidationErrorItem[],
  values: Record<string, unknown>): SolvedParams | Promise<SolvedParams> {
  const body = solveJsonBody(plan, received, errors, values);
  return body instanceof Promise ? body.then((b) => finishParams(plan, ctx, values, errors, b)) : finishParams(plan, ctx, values, errors, body);
}

async function solveParamsAsync(pending: void | Promise<void>, plan: ParamPlan, ctx: SolveContext, errors: ValidationErrorItem[],
  values: Record<string, unknown>): Promise<SolvedParams> {
  if (pending) await pending;
  let body: unknown;
  if (plan.body && errors.length < MAX_ERRORS) body = await solveBody(plan, ctx, errors, values);
  return finishParams(plan, ctx, values, errors, body);
}

function finishParams(plan: ParamPlan, ctx: SolveContext, values: Record<string, unknown>, errors: ValidationErrorItem[], body: unknown): SolvedParams {
  const { request } = ctx;
  for (const k of plan.request) values[k] = request;
  for (const i of plan.injected) values[i.key] = i.from[provide](request);
  for (const k of plan.response) values[k] = ctx.response!;
  return { values, errors: errors.length > MAX_ERRORS ? errors.slice(0, MAX_ERRORS) : errors, body };
}

/** Path, query, header and cookie parameters from source `from` on; a promise only when a schema is asynchronous. */
function solveSources(plan: ParamPlan, pathParams: Record<string, string>, request: Request, errors: ValidationErrorItem[],
  values: Record<string, unknown>, from: number): void | Promise<void> {
  for (let source = from; source < 4; source++) {
    const p = solveSourceOf(source, plan, pathParams, request, errors, values);
    if (p) return p.then(() => solveSources(plan, pathParams, request, errors, values, source + 1));
  }
}

function solveSourceOf(source: number, plan: ParamPlan, pathParams: Record<string, string>, request: Request, errors: ValidationErrorItem[],
  values: Record<string, unknown>): void | Promise<void> {
  switch (source) {
    case 0:
      return plan.path.length ? solvePath(plan.path, pathParams, errors, values, 0) : undefined;
    case 1: {
      if (!plan.query.length) return;
      // Perf: `request.queryAll()` splits a plain query itself; `URLSearchParams` is built only for a strict model.
      return solveSource(plan.query, "query", (n) => request.queryAll(n), () => request.queryParams.keys(), errors, values);
    }
    case 2: {
      if (!plan.header.length) return;
      // Each received line of the header (the first for a single value, all for a list, split at `, `). Perf:
      // `request.headerLines()` reads the adapter's raw lines; the Web `Headers` is built only for a strict model.
      return solveSource(plan.header, "header", (n, list) => request.headerLines(n, list), () => request.headers.keys(), errors, values, 0,
        (n) => request.headerLines(n));
    }
    default: {
      if (!plan.cookie.length) return;
      const c = request.cookies;
      return solveSource(plan.cookie, "cookie", (n) => (n in c ? [c[n]!] : []), () => Object.keys(c), errors, values);
    }
  }
}

function solvePath(fields: readonly FieldPlan[], pathParams: Record<string, string>, errors: ValidationErrorItem[], values: Record<string, unknown>,
  from: number): void | Promise<void> {
  for (let i = from; i < fields.length; i++) {
    const f = fields[i]!;
    const p = validate(f, f.coerce(pathParams[f.alias]!), ["path", f.alias], errors, values, pathParams[f.alias]);
    if (p) return p.then(() => solvePath(fields, pathParams, errors, values, i + 1));
  }
}

async function solveBody(plan: ParamPlan, ctx: SolveContext, errors: ValidationErrorItem[], values: Record<string, unknown>): Promise<unknown> {
  const bp = plan.body!;
  if (bp.kind === "form") return solveForm(plan, ctx, errors, values);
  const received = await (ctx.jsonBody ??= readJsonBody(ctx.request, ctx.strictContentType));
  return solveJsonBody(plan, received, errors, values);
}

/**
 * Validates the JSON-declared body parameters against the received body; returns the body (for the 422's `body`),
 * or its promise when a schema is asynchronous.
 */
function solveJsonBody(plan: ParamPlan, received: ReceivedBody, errors: ValidationErrorItem[], values: Record<string, unknown>, from = 0): unknown {
  const bp = plan.body!;
  const body = received.kind === "none" ? undefined : received.value;
  if (bp.whole) {
    const f = bp.whole;
    // A JSON `null` is no value (FastAPI's `_validate_value_with_model_field`): missing when required, else the default.
    const value = body === null ? undefined : body;
    if (value === undefined && f.required) errors.push({ type: "missing", loc: ["body"], msg: "Field required", input: null });
    else {
      const p = validate(f, f.lax && value !== undefined && received.kind === "json" ? f.lax(value) : value, ["body"], errors, values, value);
      if (p) return p.then(() => body);
    }
    return body;
  }
  const obj = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  for (let i = from; i < bp.fields.length; i++) {
    const f = bp.fields[i]!;
    // A field sent as `null` is missing too (a `null` inside a field's value is validated as sent).
    const v = obj?.[f.alias] ?? undefined;
    const p = validate(f, f.lax && v !== undefined ? f.lax(v) : v, ["body", f.alias], errors, values, v);
    if (p) return p.then(() => solveJsonBody(plan, received, errors, values, i + 1));
  }
  return body;
}

/**
 * A file parameter (`UploadFile`, `File()`), from the values received under its name, as FastAPI reads them: a list
 * takes every value, anything else the last; none, or an empty string alone, is missing (or absent when optional).
 * A string where a file is expected fails as pydantic's `UploadFile` check does; a `bytes` file takes the string's
 * bytes (pydantic's `bytes` accepts a string).
 */
async function solveFile(f: FieldPlan, entries: readonly FormDataEntryValue[], errors: ValidationErrorItem[], values: Record<string, unknown>): Promise<void> {
  const sent = f.sequence ? entries : entries.slice(-1);
  if (!sent.length || (!f.sequence && sent[0] === "")) {
    if (f.required) errors.push({ type: "missing", loc: ["body", f.alias], msg: "Field required", input: null });
    return;
  }
  let failed = false;
  const wrapped = await Promise.all(sent.map(async (v, i) => {
    if (typeof v !== "string") return f.upload ? new UploadFile(v) : new Uint8Array(await v.arrayBuffer());
    if (!f.upload) return new TextEncoder().encode(v);
    failed = true;
    const loc = f.sequence ? ["body", f.alias, i] : ["body", f.alias];
    errors.push({ type: "value_error", loc, msg: "Value error, Expected UploadFile, received: <class 'str'>", input: v, ctx: { error: {} } });
    return null;
  }));
  if (!failed) values[f.key] = f.sequence ? wrapped : wrapped[0];
}

async function solveForm(plan: ParamPlan, ctx: SolveContext, errors: ValidationErrorItem[], values: Record<string, unknown>): Promise<unknown> {
  const bp = plan.body!;
  const type = ctx.request.headers.get("content-type") ?? "";
  const isForm = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
  let form: FormData | undefined;
  if (isForm) {
    try {
      form = await ctx.request.form();
    } catch (e) {
      // A limit or malformed form is already a 400 with its reason; a body too large or a client gone stay themselves.
      if (e instanceof HTTPException || (e instanceof Error && (e.name === "BodyTooLarge" || e.name === "ClientDisconnect"))) throw e;
      throw new HTTPException(400, { detail: "There was an error parsing the body" });
    }
  }
  // Every value received under a name; the fields read them as FastAPI's `_get_multidict_value` does ({@link received}).
  const strings = (name: string): string[] => (form ? form.getAll(name).filter((v): v is string => typeof v === "string") : []);
  for (const f of bp.fields) {
    if (f.upload !== undefined) {
      await solveFile(f, form ? form.getAll(f.alias) : [], errors, values);
      continue;
    }
    const formValues = formFieldValues(f, strings(f.alias));
    const p = validate(f, readStrings(f, formValues), ["body", f.alias], errors, values, rawStrings(f, formValues));
    if (p) await p;
  }
  if (bp.models.length) {
    const p = solveSource(bp.models, "body", strings, () => (form ? new Set(form.keys()) : []), errors, values, 0, strings);
    if (p) await p;
  }
  // FastAPI reads `request.form()` whatever the content type: a body that is not a form is an empty one (`{}`).
  return form ? Object.fromEntries(form.entries()) : {};
}
