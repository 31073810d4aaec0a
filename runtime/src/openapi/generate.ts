import type { ZodType } from "zod";
import { acceptsUndefined } from "../params/introspect.ts";
import { documentedPlans } from "../dependencies/dependant.ts";
import type { BodyPlan, FieldPlan, ModelPlan } from "../params/plan.ts";
import { isFileSchema, isModel } from "../params/plan.ts";
import { JSONResponse } from "../responses.ts";
import type { APIRoute } from "../routing/route.ts";
import { titleCase } from "../routing/operation.ts";
import { statusPhrase } from "../status.ts";
import { isRefLike, type JSONSchema } from "./schema.ts";
import { SchemaRegistry } from "./registry.ts";
import { fieldTitle } from "./keywords.ts";
import { streamContent } from "./streams.ts";

/** OpenAPI `info.contact`. */
export interface Contact { name?: string; url?: string; email?: string }
/** OpenAPI `info.license`. */
export interface License { name: string; identifier?: string; url?: string }
/** An OpenAPI server. */
export interface Server { url: string; description?: string; variables?: Record<string, unknown> }
/** Tag metadata (`openapiTags`). */
export interface TagMetadata { name: string; description?: string; externalDocs?: { url: string; description?: string } }

/** What {@link getOpenAPI} needs. */
export interface OpenAPIOptions {
  /** API title. */
  title: string;
  version: string;
  openapiVersion?: string;
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: Contact;
  license?: License;
  servers?: Server[];
  tags?: TagMetadata[];
  externalDocs?: { url: string; description?: string };
  routes: readonly APIRoute[];
  /** Routes documented under `webhooks` (`app.webhooks.routes`). */
  webhooks?: readonly APIRoute[];
  separateInputOutputSchemas?: boolean;
}

/** An OpenAPI 3.1 document. */
export type OpenAPIObject = { openapi: string; info: JSONSchema; paths: Record<string, JSONSchema>; [key: string]: unknown };

const validationError: JSONSchema = {
  properties: {
    loc: { items: { anyOf: [{ type: "string" }, { type: "integer" }] }, type: "array", title: "Location" },
    msg: { type: "string", title: "Message" },
    type: { type: "string", title: "Error Type" },
    input: { title: "Input" },
    ctx: { type: "object", title: "Context" },
  },
  type: "object",
  required: ["loc", "msg", "type"],
  title: "ValidationError",
};

const httpValidationError: JSONSchema = {
  properties: { detail: { items: { $ref: "#/components/schemas/ValidationError" }, type: "array", title: "Detail" } },
  type: "object",
  title: "HTTPValidationError",
};

/** Builds the OpenAPI 3.1 document of an app, as FastAPI's `get_openapi` does. */
export function getOpenAPI(o: OpenAPIOptions): OpenAPIObject {
  const registry = new SchemaRegistry(o.separateInputOutputSchemas !== false);
  const info: JSONSchema = { title: o.title };
  if (o.summary) info.summary = o.summary;
  if (o.description) info.description = o.description;
  if (o.termsOfService) info.termsOfService = o.termsOfService;
  if (o.contact) info.contact = o.contact;
  if (o.license) info.license = o.license;
  info.version = o.version;
  const paths: Record<string, JSONSchema> = {};
  let usesValidation = false;
  const securitySchemes: Record<string, JSONSchema> = {};
  for (const route of o.routes) {
    if (!route.includeInSchema) continue;
    const item = (paths[route.pathFormat] ??= {});
    for (const method of route.methods) {
      const op = operation(route, registry, securitySchemes);
      if ((op.responses as JSONSchema)["422"] && !(route.options.responses ?? {})[422]) usesValidation = true;
      item[method.toLowerCase()] = op;
    }
  }
  const webhooks: Record<string, JSONSchema> = {};
  for (const route of o.webhooks ?? []) {
    if (!route.includeInSchema) continue;
    const item = (webhooks[route.pathFormat] ??= {});
    for (const method of route.methods) {
      const op = operation(route, registry, securitySchemes);
      if ((op.responses as JSONSchema)["422"] && !(route.options.responses ?? {})[422]) usesValidation = true;
      item[method.toLowerCase()] = op;
    }
  }
  if (usesValidation) {
    registry.addComponent("ValidationError", validationError);
    registry.addComponent("HTTPValidationError", httpValidationError);
  }
  const out = { openapi: o.openapiVersion ?? "3.1.0", info } as OpenAPIObject;
  if (o.servers?.length) out.servers = o.servers;
  out.paths = paths;
  if (Object.keys(webhooks).length) out.webhooks = webhooks;
  const schemas = registry.components();
  const components: JSONSchema = {};
  if (Object.keys(schemas).length) components.schemas = schemas;
  if (Object.keys(securitySchemes).length) components.securitySchemes = securitySchemes;
  if (Object.keys(components).length) out.components = components;
  if (o.tags?.length) out.tags = o.tags;
  if (o.externalDocs) out.externalDocs = o.externalDocs;
  return out;
}

/**
 * The schema of a parameter or body field, titled by its name unless it names a model. A field of a combined body
 * (`Body_…`, a pydantic model FastAPI builds) follows pydantic's rule for model fields: a nullable model isn't
 * titled either (`modelField`).
 */
function paramSchema(f: FieldPlan, registry: SchemaRegistry, titleFrom = f.alias, modelField = false): JSONSchema {
  const s = registry.schema(f.schema, "input");
  const o = f.options;
  if (s.title === undefined && !s.$ref && !(modelField && isRefLike(s) && o.title === undefined)) s.title = o.title ?? fieldTitle(titleFrom);
  else if (o.title) s.title = o.title;
  if (o.description) s.description = o.description;
  if (o.examples) s.examples = o.examples;
  if (o.deprecated) s.deprecated = true;
  return s;
}

function parameters(route: APIRoute, registry: SchemaRegistry): JSONSchema[] {
  const out: JSONSchema[] = [];
  const seen = new Set<string>();
  const add = (f: FieldPlan, where: string, parent?: ModelPlan): void => {
    const o = parent ? parent.options : f.options;
    if (o.includeInSchema === false || seen.has(`${where}:${f.alias}`)) return;
    seen.add(`${where}:${f.alias}`);
    const p: JSONSchema = {};
    if (f.options.description) p.description = f.options.description;
    p.required = where === "path" ? true : f.required;
    if (f.options.deprecated) p.deprecated = true;
    // A parameter model's field is titled by its field name (`save_data` → "Save Data"), not by the header name.
    p.schema = paramSchema(f, registry, parent ? f.key : f.alias);
    p.name = f.alias;
    p.in = where;
    if (f.options.openapiExamples) p.examples = f.options.openapiExamples;
    out.push(p);
  };
  const plans = documentedPlans(route.dependant);
  for (const plan of plans) for (const f of plan.path) add(f, "path");
  for (const where of ["query", "header", "cookie"] as const) {
    for (const plan of plans) {
      for (const p of plan[where]) {
        if (isModel(p)) for (const f of p.fields) add(f, where, p);
        else add(p, where);
      }
    }
  }
  return out;
}

function mergedBody(route: APIRoute): BodyPlan | null {
  const bodies = documentedPlans(route.dependant).map((p) => p.body).filter((b): b is BodyPlan => b !== null);
  if (bodies.length <= 1) return bodies[0] ?? null;
  const seen = new Set<string>();
  const fields = bodies.flatMap((b) => b.fields).filter((f) => !seen.has(f.alias) && seen.add(f.alias));
  return { ...bodies[0]!, fields, models: bodies.flatMap((b) => b.models) };
}

function requestBody(route: APIRoute, registry: SchemaRegistry): JSONSchema | null {
  const bp = mergedBody(route);
  if (!bp) return null;
  const mediaType = bp.mediaType;
  let schema: JSONSchema;
  let required: boolean;
  const fields = bp.fields.filter((f) => f.options.includeInSchema !== false);
  if (bp.whole) {
    schema = paramSchema(bp.whole, registry);
    if (schema.$ref && bp.whole.options.title === undefined) delete schema.title;
    required = bp.whole.required;
  } else if (bp.kind === "form" && bp.models.length === 1 && fields.length === 0) {
    schema = registry.schema(bp.models[0]!.schema, "input");
    required = !acceptsUndefined(bp.models[0]!.schema);
  } else {
    const name = `Body_${route.uniqueId}`;
    const properties: Record<string, JSONSchema> = {};
    const req: string[] = [];
    for (const m of bp.models) for (const f of m.fields) fields.push(f);
    for (const f of fields) {
      // As everywhere in FastAPI's schemas, a `null` default is not documented (`Body()` with `= None`).
      properties[f.alias] = isFileSchema(f.schema) ? fileSchema(f) : paramSchema(f, registry, f.alias, true);
      if (f.required) req.push(f.alias);
    }
    const body: JSONSchema = { properties, type: "object" };
    if (req.length) body.required = req;
    body.title = name;
    registry.addComponent(name, body);
    schema = { $ref: `#/components/schemas/${name}` };
    required = req.length > 0;
  }
  const media: JSONSchema = { schema };
  // FastAPI documents `openapi_examples` of the body parameter that is the whole body beside its schema.
  if (bp.whole?.options.openapiExamples) media.examples = bp.whole.options.openapiExamples;
  const out: JSONSchema = { content: { [mediaType]: media } };
  if (required) out.required = true;
  return out;
}

/** An uploaded file (or a list of them) as current FastAPI documents it: a string with `contentMediaType`. */
function fileSchema(f: FieldPlan): JSONSchema {
  const one: JSONSchema = { type: "string", contentMediaType: "application/octet-stream" };
  const s: JSONSchema = f.sequence ? { type: "array", items: one } : { ...one };
  s.title = f.options.title ?? fieldTitle(f.alias);
  if (f.options.description) s.description = f.options.description;
  return f.required ? s : { anyOf: [f.sequence ? { type: "array", items: one } : one, { type: "null" }], title: s.title };
}

function operation(route: APIRoute, registry: SchemaRegistry, securitySchemes: Record<string, JSONSchema> = {}): JSONSchema {
  const o = route.options;
  const op: JSONSchema = {};
  if (o.tags?.length) op.tags = o.tags;
  op.summary = o.summary ?? titleCase(route.name);
  // As FastAPI: a form feed ends the documented part of the description (the rest is for other tools).
  const description = o.description?.split("\f")[0]!.trim();
  if (description) op.description = description;
  op.operationId = route.uniqueId;
  if (o.deprecated) op.deprecated = true;
  const security = securityOf(route, securitySchemes);
  if (security.length) op.security = security;
  const params = parameters(route, registry);
  if (params.length) op.parameters = params;
  const body = requestBody(route, registry);
  if (body) op.requestBody = body;
  if (o.callbacks?.length) {
    const callbacks: Record<string, JSONSchema> = {};
    for (const cb of o.callbacks as readonly APIRoute[]) {
      const item = ((callbacks[cb.name] ??= {})[cb.pathFormat] ??= {}) as JSONSchema;
      for (const method of cb.methods) item[method.toLowerCase()] = operation(cb, registry, securitySchemes);
    }
    op.callbacks = callbacks;
  }
  op.responses = responses(route, registry);
  if (o.openapiExtra) deepMerge(op, o.openapiExtra);
  return op;
}

/** The operation's `security` requirements; registers their schemes (FastAPI's `get_openapi_security_definitions`). */
function securityOf(route: APIRoute, securitySchemes: Record<string, JSONSchema>): JSONSchema[] {
  return route.securityRequirements.map(({ scheme, scopes }) => {
    securitySchemes[scheme.schemeName] = JSON.parse(JSON.stringify(scheme.model)) as JSONSchema;
    return { [scheme.schemeName]: [...scopes] };
  });
}

function responses(route: APIRoute, registry: SchemaRegistry): JSONSchema {
  const out: JSONSchema = {};
  const cls = route.responseClass;
  const mediaType = cls.mediaType ?? "application/json";
  const isJson = cls === JSONResponse || cls.prototype instanceof JSONResponse;
  const status = route.statusCode ?? (cls as unknown as { defaultStatus?: number }).defaultStatus ?? 200;
  const key = String(status);
  const main: JSONSchema = { description: route.options.responseDescription ?? "Successful Response" };
  // As FastAPI: a class without a media type (`Response`, `RedirectResponse`) documents no content.
  const streamed = streamContent(route, registry);
  if (streamed) main.content = streamed;
  else if (cls.mediaType && status >= 200 && status !== 204 && status !== 304) {
    let schema: JSONSchema = { type: "string" };
    if (isJson) schema = route.responseModel ? responseSchema(route.responseModel, `Response_${route.uniqueId}`, registry) : {};
    main.content = { [mediaType]: { schema } };
  }
  out[key] = main;
  for (const [code, spec] of Object.entries(route.options.responses ?? {})) {
    const existing = (out[code] as JSONSchema | undefined) ?? {};
    const r: JSONSchema = { ...existing, description: spec.description ?? (existing.description as string | undefined) ?? (statusPhrase(Number(code)) || "Additional Response") };
    const content = { ...((existing.content as JSONSchema | undefined) ?? {}) } as Record<string, JSONSchema>;
    if (spec.model) content[mediaType] = { ...(content[mediaType] ?? {}), schema: responseSchema(spec.model, `Response_${code}_${route.uniqueId}`, registry) };
    for (const [mt, c] of Object.entries(spec.content ?? {})) content[mt] = { ...(content[mt] ?? {}), ...c };
    if (Object.keys(content).length) r.content = content;
    if (spec.headers) r.headers = spec.headers;
    if (spec.links) r.links = spec.links;
    out[code] = r;
  }
  const declared = Object.keys(route.options.responses ?? {});
  if (route.flatPlans.some((p) => p.hasInputs) && !declared.some((c) => c === "422" || c.toUpperCase() === "4XX" || c === "default")) {
    out["422"] = { description: "Validation Error", content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } } };
  }
  return out;
}

function responseSchema(model: ZodType, fieldName: string, registry: SchemaRegistry): JSONSchema {
  const s = registry.schema(model, "output");
  if (!s.$ref && s.title === undefined) s.title = fieldTitle(fieldName);
  return s;
}

function deepMerge(target: JSONSchema, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    const t = target[k];
    if (v && typeof v === "object" && !Array.isArray(v) && t && typeof t === "object" && !Array.isArray(t)) deepMerge(t as JSONSchema, v as Record<string, unknown>);
    else target[k] = v;
  }
}
