import { z, type ZodType } from "zod";
import { containsCodec } from "../codecs.ts";
import { jsonableEncoder, modelEncoder } from "../encoders.ts";
import { RequestValidationError, ResponseValidationError } from "../exceptions.ts";
import type { ParamsDeclaration } from "../params/markers.ts";
import { compileOperation, flatPlans, flatSecurity, type Dependant, type DependencyOverrides, type SecurityRequirement } from "../dependencies/dependant.ts";
import { graphState, solveDependant } from "../dependencies/solve.ts";
import { flattenGraph, solveFlat, type FlatGraph } from "../dependencies/flat.ts";
import { failWith, succeed, type Teardown } from "../dependencies/teardown.ts";
import type { ParamPlan } from "../params/plan.ts";
import { laxCoercerFor, type LaxCoercer } from "../params/coerce.ts";
import { parseMaybeSync, solveParams, type ParseResult, type SolveContext, type SolvedParams } from "../params/solve.ts";
import { isThenable } from "../promises.ts";
import type { Request } from "../request.ts";
import { takeBackground } from "../background.ts";
import { EncodedJson, JSONResponse, Response, statusHasNoBody } from "../responses.ts";
import { compilePath, type CompiledPath } from "../router.ts";
import { mapIssues } from "../validation/errors.ts";
import { filterOutput } from "./filter.ts";
import { compileSerializer, type CompiledSerializer } from "./serialize.ts";
import { generateUniqueId, type Handler, type OperationOptions, type ResponseClass, type RouteInfo } from "./operation.ts";
import { isGeneratorFunction, isGeneratorObject, type ItemSource } from "../streaming/iterables.ts";
import { streamKindOf, streamResponse, type StreamKind } from "./stream.ts";

/** Set in {@link APIRoute}'s static block (it calls a private method). */
let runRoute: (route: APIRoute, request: Request) => Response | Promise<Response>;

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
  /** OpenAPI tags (merged from the including routers); read by `generateUniqueIdFunction`. */
  readonly tags: readonly string[];
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
  readonly #needsResponse: boolean;
  /**
   * The operationId. Writable, as FastAPI's `route.operation_id`: set it after the routes are declared (and before
   * the OpenAPI document is first built) to rename operations, e.g. `route.uniqueId = route.name`.
   */
  uniqueId: string;
  /** The declared success status, if any. */
  readonly statusCode: number | undefined;
  /** Class used to send returned values. */
  readonly responseClass: ResponseClass;
  /** The response model, if any. */
  readonly responseModel: ZodType | null;
  /** Whether the operation appears in OpenAPI. */
  readonly includeInSchema: boolean;
  /**
   * How the operation streams, when its handler is a generator function (`async function*`): each yielded item is
   * validated by the `responseModel` (the model of one item) and sent as JSON Lines (`"jsonl"`, the default), as
   * Server-Sent Events (`"sse"`, with `responseClass: EventSourceResponse`), or given as is to another response
   * class (`"raw"`, e.g. a `StreamingResponse`). `null`: the handler returns one value.
   */
  readonly streams: StreamKind | null;

  constructor(path: string, methods: readonly string[], handler: Handler<ParamsDeclaration>, options: OperationOptions<ParamsDeclaration>) {
    this.path = path;
    this.methods = methods.map((m) => m.toUpperCase());
    this.handler = handler;
    this.options = options;
    this.name = options.name ?? (handler.name || "endpoint");
    this.tags = options.tags ?? [];
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
    this.streams = isGeneratorFunction(handler) ? streamKindOf(this.responseClass) : null;
  }

  /** @internal The serving app's settings (set when the app builds its routing table). */
  runtime: RouteRuntime = { strictContentType: true };

  /**
   * The function answering a matched request (FastAPI's `get_route_handler`), obtained once when the app builds its
   * routing table. Override it in a subclass (`routeClass`) to wrap request handling: time it, decode the body…
   *
   * @example
   * ```ts
   * class TimedRoute extends APIRoute {
   *   override getRouteHandler() {
   *     const original = super.getRouteHandler();
   *     return async (request: Request) => {
   *       const start = performance.now();
   *       const response = await original(request);
   *       response.headers.set("x-response-time", String(performance.now() - start));
   *       return response;
   *     };
   *   }
   * }
   * ```
   */
  getRouteHandler(): (request: Request) => Promise<Response> {
    return (request) => this.handle(request, request.pathParams, this.runtime);
  }

  /** The path without convertors, as documented. */
  get pathFormat(): string {
    return this.compiled.format;
  }

  /** Runs the operation for a matched request. */
  async handle(request: Request, pathParams: Record<string, string>, runtime: RouteRuntime): Promise<Response> {
    return this.#run(request, pathParams, runtime);
  }

  static {
    runRoute = (route, request) => route.#run(request, request.pathParams, route.runtime);
  }

  /**
   * {@link APIRoute.handle}, returning the response itself when nothing was asynchronous. Perf: an operation without
   * dependencies continues a promise only where it gets one (a body to read, an asynchronous schema, handler or
   * response model), instead of awaiting in an `async` function that adds a promise and a microtask turn to each answer.
   */
  #run(request: Request, pathParams: Record<string, string>, runtime: RouteRuntime): Response | Promise<Response> {
    // The "temporal" response exists only for operations that declare one (no per-request cost otherwise).
    const temporal = this.#needsResponse || runtime.overrides?.size ? new Response(null, { status: this.defaultStatus }) : null;
    const ctx = { request, response: temporal, strictContentType: runtime.strictContentType };
    if (this.dependant.deps.length === 0 && this.plan.securityScopes.length === 0) {
      const solving = solveParams(this.plan, pathParams, ctx);
      return solving instanceof Promise ? solving.then((solved) => this.#call(solved, temporal, request)) : this.#call(solving, temporal, request);
    }
    return this.#runGraph(pathParams, ctx, runtime, temporal);
  }

  /** Calls the handler with solved parameters (or raises their errors), then renders its value. */
  #call(solved: SolvedParams, temporal: Response | null, request: Request): Response | Promise<Response> {
    if (solved.errors.length) throw new RequestValidationError(solved.errors, { body: solved.body });
    const raw: unknown = this.handler(solved.values as never);
    // `await` of a thenable calls its `then` on a later turn: `Promise.resolve` does the same.
    if (isThenable(raw)) return Promise.resolve(raw).then((value) => this.#replyWithTasks(value, temporal, request));
    return this.#replyWithTasks(raw, temporal, request);
  }

  /** {@link APIRoute.#reply}, with the background tasks the request queued. Perf: in the handler's continuation (no second `then`). */
  #replyWithTasks(value: unknown, temporal: Response | null, request: Request): Response | Promise<Response> {
    const replied = this.#reply(value, temporal, request);
    return replied instanceof Promise ? replied.then((r) => withQueuedTasks(request, r)) : withQueuedTasks(request, replied);
  }

  /** {@link APIRoute.handle} for an operation with dependencies: the graph, then the handler, then the cleanups. */
  async #runGraph(pathParams: Record<string, string>, ctx: SolveContext, runtime: RouteRuntime, temporal: Response | null): Promise<Response> {
    const { request } = ctx;
    const cleanups: Teardown[] = [];
    // Perf: without overrides, a graph where no dependable appears twice is solved as a list (dependencies/flat.ts).
    const flat = runtime.overrides?.size ? null : this.#flat === undefined ? (this.#flat = flattenGraph(this.dependant)) : this.#flat;
    let response: Response;
    try {
      // Perf: awaited only when the graph or the handler gave a promise (each `await` costs a microtask turn).
      const solving = flat ? solveFlat(flat, pathParams, ctx, cleanups) : solveDependant(this.dependant, pathParams, ctx, graphState(runtime.overrides, cleanups));
      const solved = solving instanceof Promise ? await solving : solving;
      if (solved.errors.length) throw new RequestValidationError(solved.errors, { body: solved.body });
      let raw: unknown = this.handler(solved.values as never);
      if (isThenable(raw)) raw = await raw;
      const replied = this.#reply(raw, temporal, request);
      response = withQueuedTasks(request, replied instanceof Promise ? await replied : replied);
    } catch (error) {
      if (!cleanups.length) throw error;
      return failWith(cleanups, error);
    }
    return cleanups.length ? succeed(cleanups, request, response) : response;
  }

  /** The graph as a list (`null`: solved the general way), found on the first request with dependencies. */
  #flat: FlatGraph | null | undefined;

  /** The security schemes the operation requires (with their scopes), as documented in OpenAPI. */
  get securityRequirements(): SecurityRequirement[] {
    return (this.#security ??= flatSecurity(this.dependant));
  }
  #security: SecurityRequirement[] | undefined;

  /** Turns a handler's return value into the response (serialised through the response model). */
  async respond(raw: unknown, temporal: Response | null): Promise<Response> {
    return this.#respond(raw, temporal);
  }

  /** {@link APIRoute.respond}, through a subclass's override if there is one. */
  #reply(raw: unknown, temporal: Response | null, request: Request): Response | Promise<Response> {
    if (this.streams !== null || isGeneratorObject(raw)) return this.#stream(raw as ItemSource, temporal, request);
    return this.respond === APIRoute.prototype.respond ? this.#respond(raw, temporal) : this.respond(raw, temporal);
  }

  /** {@link APIRoute.respond}, returning the response itself when nothing is asynchronous. */
  #respond(raw: unknown, temporal: Response | null): Response | Promise<Response> {
    if (raw instanceof Response) return raw;
    // Perf: a plain JSON response model is serialised by its compiled serializer (routing/serialize.ts); whatever it
    // leaves (an invalid value, an asynchronous model) goes the general way below, which reports it.
    const compiled = this.#compiledJson === undefined ? (this.#compiledJson = this.#compileJson()) : this.#compiledJson;
    if (compiled !== null) {
      const text = compiled(raw);
      if (text !== undefined) return this.#renderJson(text, temporal);
    }
    // Perf: unless a subclass overrides `serialize`, serialise without its extra promise (it only awaits when the
    // response model has async refinements).
    const content = this.serialize === APIRoute.prototype.serialize ? this.#serialize(raw) : this.serialize(raw);
    return content instanceof Promise ? content.then((c: unknown) => this.#render(c, temporal)) : this.#render(content, temporal);
  }

  /** The compiled serializer of the response model, when the route sends it as JSON through the general steps only. */
  #compileJson(): CompiledSerializer | null {
    const o = this.options;
    if (!this.responseModel || this.responseClass !== JSONResponse || this.serialize !== APIRoute.prototype.serialize) return null;
    if (o.responseModelInclude || o.responseModelExclude || o.responseModelExcludeNone || o.responseModelExcludeUnset
      || o.responseModelExcludeDefaults) return null;
    return compileSerializer(this.responseModel);
  }
  /** The compiled serializer (`null`: none), decided on the first response. */
  #compiledJson: CompiledSerializer | null | undefined;

  /** The response streaming a generator's items (see {@link APIRoute.streams}). */
  #stream(source: ItemSource, temporal: Response | null, request: Request): Response {
    const response = streamResponse(source, {
      kind: this.streams ?? streamKindOf(this.responseClass),
      responseClass: this.responseClass,
      serialize: (item) => (this.serialize === APIRoute.prototype.serialize ? this.#serialize(item) : this.serialize(item)),
      status: temporal ? temporal.status : this.defaultStatus,
      signal: request.raw?.signal,
    });
    if (temporal) mergeTemporal(response, temporal);
    return response;
  }

  /** The response for serialised content: the response class, the temporal response's status and headers. */
  #render(content: unknown, temporal: Response | null): Response {
    if (this.responseClass === JSONResponse) {
      // Perf: `content` is already JSON-able (serialize ran jsonableEncoder); JSONResponse would encode it a second
      // time (a full walk), so render an empty one and set the body directly. Same bytes and headers.
      return this.#renderJson(JSON.stringify(content), temporal);
    }
    return this.#finish(new this.responseClass(content as never, { status: temporal ? temporal.status : this.defaultStatus }), temporal);
  }

  /** A `JSONResponse` of already encoded JSON text. */
  #renderJson(text: string, temporal: Response | null): Response {
    return this.#finish(new JSONResponse(new EncodedJson(text), { status: temporal ? temporal.status : this.defaultStatus }), temporal);
  }

  /**
   * Merges the temporal response's headers and cookies; drops the body of a status that has none. Its content type
   * stays, as FastAPI sends it (a 204 path operation answers `content-type: application/json` and no body).
   */
  #finish(response: Response, temporal: Response | null): Response {
    if (temporal) mergeTemporal(response, temporal);
    if (statusHasNoBody(response.status)) response.body = null;
    return response;
  }

  /** The status of a successful response: `statusCode`, else the response class's default (200). */
  get defaultStatus(): number {
    return this.statusCode ?? (this.responseClass as unknown as { defaultStatus?: number }).defaultStatus ?? 200;
  }

  /** Validates and filters a returned value through the response model, then encodes it as JSON-able data. */
  async serialize(raw: unknown): Promise<unknown> {
    return this.#serialize(raw);
  }

  /** {@link APIRoute.serialize}, returning a plain value when nothing is asynchronous. */
  #serialize(raw: unknown): unknown {
    if (!this.responseModel) {
      // Without a response model FastAPI sends `jsonable_encoder(content)`: the include/exclude options are not applied.
      return jsonableEncoder(raw);
    }
    const input = jsonableInput(raw);
    // A model with codecs (Base64 bytes…) turns the handler's values into their JSON form: encode, not parse.
    // Otherwise the value is validated as FastAPI validates a returned value: in pydantic's lax mode (a numeric
    // string for a float, `true` for an int…), the handler's own objects left untouched (the coercion copies).
    let r: ParseResult | Promise<ParseResult>;
    if ((this.#encodes ??= containsCodec(this.responseModel))) {
      r = z.safeEncodeAsync(this.responseModel, input as never) as Promise<ParseResult>;
    } else {
      const lax = this.#lax === undefined ? (this.#lax = laxCoercerFor(this.responseModel)) : this.#lax;
      r = parseMaybeSync(this.responseModel, lax === null ? input : lax(input));
    }
    return r instanceof Promise ? r.then((x) => this.#serialized(x, raw, input)) : this.#serialized(r, raw, input);
  }

  /** Whether the response model holds codecs (found once, on the first response). */
  #encodes: boolean | undefined;

  /** The response model's lax-mode conversions (`null`: none), made on the first response the general path takes. */
  #lax: LaxCoercer | null | undefined;

  #serialized(r: ParseResult, raw: unknown, input: unknown): unknown {
    const o = this.options;
    if (!r.success) throw new ResponseValidationError(mapIssues(r.error!.issues, this.responseModel!, input, ["response"]), { body: raw });
    const filtered = filterOutput(this.responseModel!, r.data, input, {
      excludeUnset: o.responseModelExcludeUnset === true,
      excludeDefaults: o.responseModelExcludeDefaults === true,
      excludeNone: o.responseModelExcludeNone === true,
    });
    // Through a response model FastAPI serialises with pydantic (JSON mode), not `jsonable_encoder`.
    return modelEncoder(filtered, { include: o.responseModelInclude, exclude: o.responseModelExclude });
  }
}

/** What answers a matched request: a response, or the promise of one. */
export type RouteHandler = (request: Request) => Response | Promise<Response>;

/**
 * @internal The function the app routes a matched request to: the route's own `#run` (no promise where nothing is
 * asynchronous) unless a subclass (`routeClass`) overrides `getRouteHandler` or `handle`, whose answer is then used.
 */
export function routeHandler(route: APIRoute): RouteHandler {
  const proto = APIRoute.prototype;
  if (route.getRouteHandler !== proto.getRouteHandler || route.handle !== proto.handle) return route.getRouteHandler();
  return (request) => runRoute(route, request);
}

/**
 * The operation's response with the background tasks its request queued (`BackgroundTasks` parameters), run once it
 * is sent, as FastAPI attaches them: only to the response of an operation that succeeded (an error's response runs
 * none), and to a `Response` the handler returned only when that has no `background` of its own.
 */
function withQueuedTasks(request: Request, response: Response): Response {
  const queued = takeBackground(request);
  if (queued && response.background === null) response.background = queued;
  return response;
}

/** Copies the headers and cookies a handler set on its declared `Response` parameter into the response sent. */
function mergeTemporal(response: Response, temporal: Response): void {
  temporal.headers.forEach((value, key) => {
    if (key !== "set-cookie") response.headers.set(key, value);
  });
  for (const cookie of temporal.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
}

/** Class instances are read by their fields (pydantic's `from_attributes`), so a model validates them. */
function jsonableInput(v: unknown): unknown {
  return v;
}
