import { provide } from "../injection.ts";
import type { ZodType } from "zod";
import { UploadFile } from "../datastructures.ts";
import { readJsonBody, type ReceivedBody } from "../body.ts";
import { HTTPException, type ValidationErrorItem } from "../exceptions.ts";
import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";
import { mapIssues, MAX_ERRORS, type ZodIssueLike } from "../validation/errors.ts";
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
    return (schema as unknown as { safeParse(v: unknown, o: object): ParseResult }).safeParse(value, parseOptions);
  } catch (e) {
    if (e instanceof Error && /async/i.test(e.message)) {
      return (schema as unknown as { safeParseAsync(v: unknown, o: object): Promise<ParseResult> }).safeParseAsync(value, parseOptions);
    }
    throw e;
  }
}

/** Per-request state shared by an operation and its dependencies. */
export interface SolveContext {
  request: Request;
  /** The temporal response, when the operation declares one. */
  response: Response | null;
  strictContentType: boolean;
  /** The JSON body, read and parsed once per request. */
  jsonBody?: Promise<ReceivedBody>;
}

/** Validates one parameter; returns a promise only when its schema is asynchronous (callers `if (p) await p`). */
function validate(f: FieldPlan, raw: unknown, loc: (string | number)[], errors: ValidationErrorItem[], out: Record<string, unknown>): void | Promise<void> {
  if (raw === undefined && f.required) {
    errors.push({ type: "missing", loc, msg: "Field required", input: null });
    return;
  }
  const r = parseMaybeSync(f.schema, raw);
  if (r instanceof Promise) return r.then((x) => record(f, x, raw, loc, errors, out));
  record(f, r, raw, loc, errors, out);
}

function record(f: FieldPlan, r: ParseResult, raw: unknown, loc: (string | number)[], errors: ValidationErrorItem[], out: Record<string, unknown>): void {
  if (r.success) out[f.key] = r.data;
  else errors.push(...mapIssues(r.error!.issues, f.schema, raw, loc));
}

function readStrings(f: FieldPlan, values: readonly string[]): unknown {
  if (f.sequence) return values.length ? values.map((v, i) => f.coerceElement(v, i)) : undefined;
  return values.length ? f.coerce(values[values.length - 1]!) : undefined;
}

type Getter = (name: string) => readonly string[];

/**
 * Solves the parameters of one source in order. Synchronous unless a schema is asynchronous: then the rest
 * continues after it (same order of values and errors), and a promise is returned.
 */
function solveSource(items: readonly (FieldPlan | ModelPlan)[], loc: Loc, get: Getter, keys: () => Iterable<string>,
  errors: ValidationErrorItem[], out: Record<string, unknown>, from = 0): void | Promise<void> {
  const read = (f: FieldPlan): readonly string[] => {
    const values = get(f.alias);
    return loc === "header" && f.sequence && values.length === 1 ? values[0]!.split(/,\s*/) : values;
  };
  for (let i = from; i < items.length; i++) {
    const p = items[i]!;
    let pending: void | Promise<void>;
    if (!isModel(p)) {
      pending = validate(p, readStrings(p, read(p)), [loc, p.alias], errors, out);
    } else {
      const obj: Record<string, unknown> = {};
      const known = new Set<string>();
      for (const f of p.fields) {
        known.add(f.alias);
        const v = readStrings(f, read(f));
        if (v !== undefined) obj[f.key] = v;
      }
      if (p.strict) for (const k of keys()) if (!known.has(k)) obj[k] = get(k).at(-1);
      const r = parseMaybeSync(p.schema, obj);
      pending = r instanceof Promise ? r.then((x) => recordModel(p, x, obj, loc, errors, out)) : recordModel(p, r, obj, loc, errors, out);
    }
    if (pending) return pending.then(() => solveSource(items, loc, get, keys, errors, out, i + 1));
  }
}

function recordModel(p: ModelPlan, r: ParseResult, obj: Record<string, unknown>, loc: Loc, errors: ValidationErrorItem[], out: Record<string, unknown>): void {
  if (r.success) out[p.key] = r.data;
  else errors.push(...mapIssues(r.error!.issues, p.schema, obj, [loc]).map((e) => e.type === "missing" ? { ...e, input: null } : e));
}

/**
 * Reads, coerces and validates every declared parameter of one operation (path, query, header, cookie, then
 * body, as FastAPI orders its errors). Returns the values by declared key, or the errors.
 */
export async function solveParams(plan: ParamPlan, pathParams: Record<string, string>, ctx: SolveContext): Promise<{ values: Record<string, unknown>; errors: ValidationErrorItem[]; body?: unknown }> {
  const values: Record<string, unknown> = {};
  const errors: ValidationErrorItem[] = [];
  const { request } = ctx;
  // Perf: `if (p) await p` — no microtask turn for the (usual) synchronous schemas.
  let p: void | Promise<void>;
  for (const f of plan.path) if ((p = validate(f, f.coerce(pathParams[f.alias]!), ["path", f.alias], errors, values))) await p;
  if (plan.query.length) {
    const q = request.queryParams;
    if ((p = solveSource(plan.query, "query", (n) => q.getAll(n), () => q.keys(), errors, values))) await p;
  }
  if (plan.header.length) {
    const h = request.headers;
    if ((p = solveSource(plan.header, "header", (n) => {
      const v = h.get(n);
      return v === null ? [] : [v];
    }, () => h.keys(), errors, values))) await p;
  }
  if (plan.cookie.length) {
    const c = request.cookies;
    if ((p = solveSource(plan.cookie, "cookie", (n) => (n in c ? [c[n]!] : []), () => Object.keys(c), errors, values))) await p;
  }
  let body: unknown;
  if (plan.body && errors.length < MAX_ERRORS) body = await solveBody(plan, ctx, errors, values);
  for (const k of plan.request) values[k] = request;
  for (const i of plan.injected) values[i.key] = i.from[provide](request);
  for (const k of plan.response) values[k] = ctx.response!;
  return { values, errors: errors.slice(0, MAX_ERRORS), body };
}

async function solveBody(plan: ParamPlan, ctx: SolveContext, errors: ValidationErrorItem[], values: Record<string, unknown>): Promise<unknown> {
  const bp = plan.body!;
  if (bp.kind === "form") return solveForm(plan, ctx, errors, values);
  const received = await (ctx.jsonBody ??= readJsonBody(ctx.request, ctx.strictContentType));
  const body = received.kind === "none" ? undefined : received.value;
  if (bp.whole) {
    const f = bp.whole;
    if (body === undefined && f.required) errors.push({ type: "missing", loc: ["body"], msg: "Field required", input: null });
    else {
      const p = validate(f, f.lax && received.kind === "json" ? f.lax(body) : body, ["body"], errors, values);
      if (p) await p;
    }
    return body;
  }
  const obj = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  for (const f of bp.fields) {
    const v = obj?.[f.alias];
    const p = validate(f, f.lax && v !== undefined ? f.lax(v) : v, ["body", f.alias], errors, values);
    if (p) await p;
  }
  return body;
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
      if (e instanceof Error && e.name === "BodyTooLarge") throw e;
      throw new HTTPException(400, { detail: "There was an error parsing the body" });
    }
  }
  const strings = (name: string): string[] => (form ? form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "") : []);
  for (const f of bp.fields) {
    if (f.upload !== undefined) {
      const files = form ? form.getAll(f.alias).filter((v): v is File => typeof v !== "string") : [];
      const wrapped = await Promise.all(files.map(async (file) => (f.upload ? new UploadFile(file) : new Uint8Array(await file.arrayBuffer()))));
      if (!wrapped.length) {
        if (f.required) errors.push({ type: "missing", loc: ["body", f.alias], msg: "Field required", input: null });
        continue;
      }
      values[f.key] = f.sequence ? wrapped : wrapped[0];
      continue;
    }
    const p = validate(f, readStrings(f, strings(f.alias)), ["body", f.alias], errors, values);
    if (p) await p;
  }
  if (bp.models.length) {
    const p = solveSource(bp.models, "body", strings, () => (form ? new Set(form.keys()) : []), errors, values);
    if (p) await p;
  }
  return form ? Object.fromEntries(form.entries()) : undefined;
}
