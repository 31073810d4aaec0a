import { z, type ZodType } from "zod";
import { UploadFile } from "../datastructures.ts";
import { Request } from "../request.ts";
import { Response } from "../responses.ts";
import { SecurityScopes } from "../security/scopes.ts";
import { coercerFor, elementCoercer, laxCoercerFor, type Coercer, type LaxCoercer } from "./coerce.ts";
import { acceptsUndefined, defOf, isScalar, isScalarSequence, isSequence, isStrictObject, objectShape, unwrap } from "./introspect.ts";
import { DependsMarker } from "../dependencies/depends.ts";
import { isInjectable, type Injectable } from "../injection.ts";
import { FileParam, Param, type ParamDeclaration, type ParamOptions, type ParamSource, type ParamsDeclaration } from "./markers.ts";

/** One compiled scalar (or scalar-sequence) parameter read from a string source. */
export interface FieldPlan {
  /** Declared key (the handler's property name). */
  key: string;
  /** Name on the wire. */
  alias: string;
  schema: ZodType;
  required: boolean;
  /** Read every value (`getAll`) and coerce each. */
  sequence: boolean;
  coerce: Coercer;
  coerceElement: (raw: string, index: number) => unknown;
  options: ParamOptions;
  /** For files: receive an {@link UploadFile} instead of bytes. */
  upload?: boolean;
  /** For JSON body parameters: pydantic's lax conversions, or `null` when there are none. */
  lax?: LaxCoercer | null;
}

/** A parameter model: one object schema whose fields are read as separate parameters of one source. */
export interface ModelPlan {
  key: string;
  schema: ZodType;
  fields: FieldPlan[];
  /** Unknown keys are passed to validation (and rejected) only for strict models. */
  strict: boolean;
  options: ParamOptions;
}

/** How the body is read. */
export interface BodyPlan {
  /** `json` bodies are parsed as JSON; `form` bodies as urlencoded/multipart. */
  kind: "json" | "form";
  /** For JSON: the single parameter that is the whole body (not embedded), else `null`. */
  whole: FieldPlan | null;
  /** Embedded JSON members, or form fields and files. */
  fields: FieldPlan[];
  /** Form models (expanded fields validated as one object). */
  models: ModelPlan[];
  /** Documented media type. */
  mediaType: string;
}

/** Everything derived once from a `params` declaration. */
export interface ParamPlan {
  path: FieldPlan[];
  query: (FieldPlan | ModelPlan)[];
  header: (FieldPlan | ModelPlan)[];
  cookie: (FieldPlan | ModelPlan)[];
  body: BodyPlan | null;
  /** Keys receiving the {@link Request}. */
  request: string[];
  /** Keys receiving the temporal {@link Response}. */
  response: string[];
  /** Keys receiving the {@link SecurityScopes} collected down to the declaring dependency. */
  securityScopes: string[];
  /** Keys receiving what an injectable class provides (`BackgroundTasks`, `WebSocket`…). */
  injected: { key: string; from: Injectable<unknown> }[];
  /** `true` when the operation declares any parameter or body (it then documents a 422). */
  hasInputs: boolean;
  /** `true` when something declared needs the temporal {@link Response}. */
  needsResponse: boolean;
  /** Declared dependencies (`key` `null` for `dependencies: [...]`, run for their effect). */
  deps: { key: string | null; marker: DependsMarker }[];
  /** Body parameters before the route-wide decision (single or embedded) of {@link finalizeBodies}. */
  pending: PendingBody;
}

/** Body parameters of one declaration, before {@link finalizeBodies}. */
export interface PendingBody {
  json: { f: FieldPlan; embed: boolean; mediaType?: string }[];
  form: FieldPlan[];
  formModels: ModelPlan[];
  formMediaType?: string;
}

/** `true` for a {@link ModelPlan}. */
export function isModel(p: FieldPlan | ModelPlan): p is ModelPlan {
  return "fields" in p;
}

function isZod(d: unknown): d is ZodType {
  return typeof d === "object" && d !== null && "_zod" in d;
}

function headerName(name: string, options: { convertUnderscores?: boolean }): string {
  return options.convertUnderscores === false ? name : name.replace(/_/g, "-");
}

function field(key: string, alias: string, schema: ZodType, options: ParamOptions): FieldPlan {
  const sequence = isSequence(schema);
  return {
    key, alias, schema, options, sequence,
    required: !acceptsUndefined(schema),
    coerce: coercerFor(schema),
    coerceElement: sequence ? elementCoercer(schema) : coercerFor(schema),
  };
}

function model(key: string, schema: ZodType, options: ParamOptions, alias: (name: string) => string): ModelPlan {
  const shape = objectShape(schema)!;
  return {
    key, schema, options, strict: isStrictObject(schema),
    fields: Object.entries(shape).map(([name, s]) => {
      const meta = (s as unknown as { meta(): { alias?: string } | undefined }).meta?.();
      return field(name, meta?.alias ?? alias(name), s, {});
    }),
  };
}

/**
 * Compiles a `params` declaration, applying FastAPI's rules where no marker is given: a name in the path is a
 * path parameter, a scalar (or a sequence of scalars) is a query parameter, anything else is the body.
 */
export function compileParams(params: ParamsDeclaration, pathNames: readonly string[]): ParamPlan {
  const pending: PendingBody = { json: [], form: [], formModels: [] };
  const plan: ParamPlan = {
    path: [], query: [], header: [], cookie: [], body: null, request: [], response: [], securityScopes: [], injected: [], hasInputs: false, needsResponse: false,
    deps: [], pending,
  };
  const bodyFields = pending.json;
  const formFields = pending.form;
  const formModels = pending.formModels;
  for (const [key, decl] of Object.entries(params) as [string, ParamDeclaration][]) {
    if (decl instanceof DependsMarker) { plan.deps.push({ key, marker: decl }); continue; }
    if (decl === Request) { plan.request.push(key); continue; }
    if (decl === SecurityScopes) { plan.securityScopes.push(key); continue; }
    if (isInjectable(decl)) { plan.injected.push({ key, from: decl }); continue; }
    if (typeof decl === "function" && (decl === Response || decl.prototype instanceof Response)) { plan.response.push(key); continue; }
    if (decl === UploadFile || decl instanceof FileParam) {
      const options = decl instanceof FileParam ? decl.options : {};
      const f = field(key, options.alias ?? key, fileSchema, options);
      f.sequence = options.list === true;
      f.required = options.optional !== true;
      f.upload = decl === UploadFile || options.upload === true;
      formFields.push(f);
      pending.formMediaType = "multipart/form-data";
      continue;
    }
    let source: ParamSource;
    let schema: ZodType;
    let options: Param["options"] = {};
    if (decl instanceof Param) {
      ({ source, schema, options } = decl);
    } else if (isZod(decl)) {
      schema = decl;
      source = pathNames.includes(key) ? "path" : isScalar(decl) || isScalarSequence(decl) ? "query" : "body";
    } else {
      throw new TypeError(`Unsupported declaration for parameter '${key}'`);
    }
    const alias = options.alias ?? key;
    switch (source) {
      case "path":
        if (!pathNames.includes(alias)) throw new Error(`Path parameter '${alias}' is not in the path`);
        plan.path.push(field(key, alias, schema, options));
        break;
      case "query":
      case "cookie":
        plan[source].push(objectShape(schema) && !isScalar(schema) ? model(key, schema, options, (n) => n) : field(key, alias, schema, options));
        break;
      case "header":
        plan.header.push(objectShape(schema)
          ? model(key, schema, options, (n) => headerName(n, options))
          : field(key, options.alias ?? headerName(key, options), schema, options));
        break;
      case "form":
        if (objectShape(schema)) formModels.push(model(key, schema, options, (n) => n));
        else formFields.push(field(key, alias, schema, options));
        pending.formMediaType ??= options.mediaType ?? "application/x-www-form-urlencoded";
        break;
      case "body":
        bodyFields.push({ f: { ...field(key, alias, schema, options), lax: laxCoercerFor(schema) }, embed: options.embed === true, mediaType: options.mediaType });
        break;
      case "file":
        break;
    }
  }
  plan.needsResponse = plan.response.length > 0;
  finalizeBodies([plan]);
  return plan;
}

/**
 * Decides, for all the declarations of one operation (its own and its dependencies'), how the body is read:
 * form when any form/file parameter exists; otherwise JSON, as the whole body when there is exactly one body
 * parameter (not `embed`), else embedded by name. Sets each plan's `body` and `hasInputs`.
 */
export function finalizeBodies(plans: readonly ParamPlan[]): void {
  const json = plans.flatMap((p) => p.pending.json);
  const isForm = plans.some((p) => p.pending.form.length || p.pending.formModels.length);
  const formMediaType = plans.map((p) => p.pending.formMediaType).find((m) => m === "multipart/form-data")
    ?? plans.map((p) => p.pending.formMediaType).find((m) => m) ?? "application/x-www-form-urlencoded";
  const single = !isForm && json.length === 1 && !json[0]!.embed;
  const mediaType = json.find((b) => b.mediaType)?.mediaType ?? "application/json";
  for (const plan of plans) {
    const { pending } = plan;
    plan.body = null;
    if (isForm && (pending.form.length || pending.formModels.length || pending.json.length)) {
      plan.body = { kind: "form", whole: null, fields: [...pending.form, ...pending.json.map((b) => b.f)], models: pending.formModels, mediaType: formMediaType };
    } else if (pending.json.length) {
      plan.body = { kind: "json", whole: single ? pending.json[0]!.f : null, fields: single ? [] : pending.json.map((b) => b.f), models: [], mediaType };
    }
    plan.hasInputs = plan.path.length + plan.query.length + plan.header.length + plan.cookie.length > 0 || plan.body !== null;
  }
}

/** Placeholder schema of file parameters (validated by the form reader, documented as binary). */
const fileSchema: ZodType = z.file();

/** `true` for the internal placeholder of file parameters. */
export function isFileSchema(schema: ZodType): boolean {
  return schema === fileSchema || defOf(unwrap(schema)).type === "file";
}
