import type { ZodType } from "zod";
import { jsonableEncoder } from "../encoders.ts";
import { RequestValidationError, ResponseValidationError } from "../exceptions.ts";
import type { ParamsDeclaration } from "../params/markers.ts";
import { compileDependable, compileOperation, flatPlans, runCleanups, solveDependant, type Dependant, type DependencyOverrides } from "../dependencies/dependant.ts";
import type { Dependable } from "../dependencies/depends.ts";
import type { ParamPlan } from "../params/plan.ts";
import { parseValue, solveParams } from "../params/solve.ts";
import type { Request } from "../request.ts";
import { JSONResponse, Response } from "../responses.ts";
import { compilePath, type CompiledPath } from "../router.ts";
import { mapIssues } from "../validation/errors.ts";
import { filterOutput } from "./filter.ts";
import { generateUniqueId, type Handler, type OperationOptions, type ResponseClass, type RouteInfo } from "./operation.ts";

/** Per-request settings the app passes to a route. */
export interface RouteRuntime {
  strictContentType: boolean;
  /** The app's `dependencyOverrides`. */
  overrides?: DependencyOverrides;
}

/**
 * A registered path operation with everything precomputed: compiled path, parameter plan, options.
 */
export class APIRoute implements RouteInfo {
  /** The declared path template (with prefixes). */
  readonly path: string;
  /** HTTP methods, upper case. */
  readonly methods: readonly string[];
  /** The operation's name (the handler's `name`). */
  readonly name: string;
  /** The handler. */
  readonly handler: Handler<ParamsDeclaration>;
  /** Options, merged with the routers' and the app's. */
  readonly options: OperationOptions<ParamsDeclaration>;
  /** The compiled path. */
  readonly compiled: CompiledPath;
  /** The operation's own parameter plan. */
  readonly plan: ParamPlan;
  /** The compiled dependency graph (root = the operation). */
  readonly dependant: Dependant;
  /** Every parameter plan of the graph (dependencies first), as documented. */
  readonly flatPlans: ParamPlan[];
  readonly #overrideCache = new WeakMap<Dependable, Dependant>();
  readonly #needsResponse: boolean;
  /** The operationId. */
  readonly uniqueId: string;
  /** The declared success status, if any. */
  readonly statusCode: number | undefined;
  /** Class used to send returned values. */
  readonly responseClass: ResponseClass;
  /** The response model, if any. */
  readonly responseModel: ZodType | null;
  /** Whether the operation appears in OpenAPI. */
  readonly includeInSchema: boolean;

  constructor(path: string, methods: readonly string[], handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration>) {
    this.path = path;
    this.methods = methods.map((m) => m.toUpperCase());
    this.handler = handler;
    this.options = options;
    this.name = options.name ?? (handler.name || "endpoint");
    this.compiled = compilePath(path);
    this.dependant = compileOperation(options.params ?? {}, options.dependencies ?? [], this.compiled.names);
    this.plan = this.dependant.plan;
    this.flatPlans = flatPlans(this.dependant);
    this.#needsResponse = this.flatPlans.some((p) => p.needsResponse);
    this.uniqueId = options.operationId ?? (options.generateUniqueIdFunction ?? generateUniqueId)(this);
    this.statusCode = options.statusCode;
    this.responseClass = options.responseClass ?? JSONResponse;
    this.responseModel = options.responseModel ?? null;
    this.includeInSchema = options.includeInSchema !== false;
  }

  /** The path without convertors, as documented. */
  get pathFormat(): string {
    return this.compiled.format;
  }

  /** Runs the operation for a matched request. */
  async handle(request: Request, pathParams: Record<string, string>, runtime: RouteRuntime): Promise<Response> {
    // The "temporal" response exists only for operations that declare one (no per-request cost otherwise).
    const temporal = this.#needsResponse || runtime.overrides?.size ? new Response(null, { status: this.defaultStatus }) : null;
    const ctx = { request, response: temporal, strictContentType: runtime.strictContentType };
    if (this.dependant.deps.length === 0) {
      const solved = await solveParams(this.plan, pathParams, ctx);
      if (solved.errors.length) throw new RequestValidationError(solved.errors, { body: solved.body });
      return this.respond(await this.handler(solved.values as never), temporal);
    }
    const state = {
      cache: new Map(), cleanups: [], overrides: runtime.overrides?.size ? runtime.overrides : undefined,
      compileOverride: (dep: Dependable) => {
        let d = this.#overrideCache.get(dep);
        if (!d) this.#overrideCache.set(dep, (d = compileDependable(dep, this.compiled.names)));
        return d;
      },
    };
    let response: Response;
    try {
      const solved = await solveDependant(this.dependant, pathParams, ctx, state);
      if (solved.errors.length) throw new RequestValidationError(solved.errors, { body: solved.body });
      response = await this.respond(await this.handler(solved.values as never), temporal);
    } catch (error) {
      await runCleanups(state.cleanups, { error });
      throw error;
    }
    await runCleanups(state.cleanups);
    return response;
  }

  /** Turns a handler's return value into the response (serialised through the response model). */
  async respond(raw: unknown, temporal: Response | null): Promise<Response> {
    if (raw instanceof Response) return raw;
    const content = await this.serialize(raw);
    const response = new this.responseClass(content, { status: temporal ? temporal.status : this.defaultStatus });
    if (temporal) {
      temporal.headers.forEach((value, key) => {
        if (key !== "set-cookie") response.headers.set(key, value);
      });
      for (const cookie of temporal.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
    }
    if (response.status === 204 || response.status === 304 || response.status < 200) {
      response.body = null;
      response.headers.delete("content-type");
    }
    return response;
  }

  /** The status of a successful response: `statusCode`, else the response class's default (200). */
  get defaultStatus(): number {
    return this.statusCode ?? (this.responseClass as unknown as { defaultStatus?: number }).defaultStatus ?? 200;
  }

  /** Validates and filters a returned value through the response model, then encodes it as JSON-able data. */
  async serialize(raw: unknown): Promise<unknown> {
    const o = this.options;
    if (!this.responseModel) {
      return jsonableEncoder(raw, { include: o.responseModelInclude, exclude: o.responseModelExclude, excludeNone: o.responseModelExcludeNone });
    }
    const input = jsonableInput(raw);
    const r = await parseValue(this.responseModel, input);
    if (!r.success) throw new ResponseValidationError(mapIssues(r.error!.issues, this.responseModel, input, ["response"]), { body: raw });
    const filtered = filterOutput(this.responseModel, r.data, input, {
      excludeUnset: o.responseModelExcludeUnset === true,
      excludeDefaults: o.responseModelExcludeDefaults === true,
    });
    return jsonableEncoder(filtered, { include: o.responseModelInclude, exclude: o.responseModelExclude, excludeNone: o.responseModelExcludeNone });
  }
}

/** Class instances are read by their fields (pydantic's `from_attributes`), so a model validates them. */
function jsonableInput(v: unknown): unknown {
  return v;
}
