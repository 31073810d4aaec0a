import type { ZodType } from "zod";
import { UploadFile } from "../datastructures.ts";
import { readJsonBody, type ReceivedBody } from "../body.ts";
import { HTTPException, type ValidationErrorItem } from "../exceptions.ts";
import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";
import { mapIssues, MAX_ERRORS, type ZodIssueLike } from "../validation/errors.ts";
import { isModel, type FieldPlan, type ModelPlan, type ParamPlan } from "./plan.ts";

type Loc = "path" | "query" | "header" | "cookie" | "body";

interface ParseResult {
  success: boolean;
  data?: unknown;
  error?: { issues: ZodIssueLike[] };
}

const parseOptions = { reportInput: true };

/** Validates a value with a zod schema (async refinements supported). */
export async function parseValue(schema: ZodType, value: unknown): Promise<ParseResult> {
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

async function validate(f: FieldPlan, raw: unknown, loc: (string | number)[], errors: ValidationErrorItem[], out: Record<string, unknown>): Promise<void> {
  if (raw === undefined && f.required) {
    errors.push({ type: "missing", loc, msg: "Field required", input: null });
    return;
  }
  const r = await parseValue(f.schema, raw);
  if (r.success) out[f.key] = r.data;
  else errors.push(...mapIssues(r.error!.issues, f.schema, raw, loc));
}

function readStrings(f: FieldPlan, values: readonly string[]): unknown {
  if (f.sequence) return values.length ? values.map((v, i) => f.coerceElement(v, i)) : undefined;
  return values.length ? f.coerce(values[values.length - 1]!) : undefined;
}

type Getter = (name: string) => readonly string[];

async function solveSource(items: readonly (FieldPlan | ModelPlan)[], loc: Loc, get: Getter, keys: () => Iterable<string>,
  errors: ValidationErrorItem[], out: Record<string, unknown>): Promise<void> {
  const read = (f: FieldPlan): readonly string[] => {
    const values = get(f.alias);
    return loc === "header" && f.sequence && values.length === 1 ? values[0]!.split(/,\s*/) : values;
  };
  for (const p of items) {
    if (!isModel(p)) {
      await validate(p, readStrings(p, read(p)), [loc, p.alias], errors, out);
      continue;
    }
    const obj: Record<string, unknown> = {};
    const known = new Set<string>();
    for (const f of p.fields) {
      known.add(f.alias);
      const v = readStrings(f, read(f));
      if (v !== undefined) obj[f.key] = v;
    }
    if (p.strict) for (const k of keys()) if (!known.has(k)) obj[k] = get(k).at(-1);
    const r = await parseValue(p.schema, obj);
    if (r.success) out[p.key] = r.data;
    else errors.push(...mapIssues(r.error!.issues, p.schema, obj, [loc]).map((e) => e.type === "missing" ? { ...e, input: null } : e));
  }
}

/**
 * Reads, coerces and validates every declared parameter of one operation (path, query, header, cookie, then
 * body, as FastAPI orders its errors). Returns the values by declared key, or the errors.
 */
export async function solveParams(plan: ParamPlan, pathParams: Record<string, string>, ctx: SolveContext): Promise<{ values: Record<string, unknown>; errors: ValidationErrorItem[]; body?: unknown }> {
  const values: Record<string, unknown> = {};
  const errors: ValidationErrorItem[] = [];
  const { request } = ctx;
  for (const f of plan.path) await validate(f, f.coerce(pathParams[f.alias]!), ["path", f.alias], errors, values);
  if (plan.query.length) {
    const q = request.queryParams;
    await solveSource(plan.query, "query", (n) => q.getAll(n), () => q.keys(), errors, values);
  }
  if (plan.header.length) {
    const h = request.headers;
    await solveSource(plan.header, "header", (n) => {
      const v = h.get(n);
      return v === null ? [] : [v];
    }, () => h.keys(), errors, values);
  }
  if (plan.cookie.length) {
    const c = request.cookies;
    await solveSource(plan.cookie, "cookie", (n) => (n in c ? [c[n]!] : []), () => Object.keys(c), errors, values);
  }
  let body: unknown;
  if (plan.body && errors.length < MAX_ERRORS) body = await solveBody(plan, ctx, errors, values);
  for (const k of plan.request) values[k] = request;
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
    else await validate(f, f.lax && received.kind === "json" ? f.lax(body) : body, ["body"], errors, values);
    return body;
  }
  const obj = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  for (const f of bp.fields) {
    const v = obj?.[f.alias];
    await validate(f, f.lax && v !== undefined ? f.lax(v) : v, ["body", f.alias], errors, values);
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
    await validate(f, readStrings(f, strings(f.alias)), ["body", f.alias], errors, values);
  }
  if (bp.models.length) {
    await solveSource(bp.models, "body", strings, () => (form ? new Set(form.keys()) : []), errors, values);
  }
  return form ? Object.fromEntries(form.entries()) : undefined;
}
