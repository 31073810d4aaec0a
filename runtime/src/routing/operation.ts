import type { ZodType } from "zod";
import type { DependsMarker } from "../dependencies/depends.ts";
import type { OpenAPIExample, ParamsDeclaration, ParamValues } from "../params/markers.ts";
import type { Response } from "../responses.ts";

/** A handler: receives the validated, typed parameters; returns a value (serialised to JSON) or a Response. */
export type Handler<P extends ParamsDeclaration> = (params: ParamValues<P>) => unknown;

/** One additional documented response (`responses` option). */
export interface ResponseSpec {
  /** Description (defaults to the status phrase). */
  description?: string;
  /** A zod schema documented as the `application/json` content. */
  model?: ZodType;
  /** Raw OpenAPI `content` (merged with `model`). */
  content?: Record<string, { schema?: unknown; example?: unknown; examples?: Record<string, OpenAPIExample> }>;
  /** Raw OpenAPI `headers`. */
  headers?: Record<string, unknown>;
  /** Raw OpenAPI `links`. */
  links?: Record<string, unknown>;
}

/**
 * A response class: {@link Response} or a subclass. Its first constructor argument is what the handler returns, of
 * whatever type the class accepts (`RedirectResponse` takes a URL, `FileResponse` a path): typed `never` here so
 * that every such class fits; the route passes the handler's value through.
 */
export type ResponseClass = (new (content: never, init?: { status?: number; headers?: HeadersInit }) => Response) & { mediaType: string | null };

/** Options that routers, apps and operations share (merged from outer to inner). */
export interface SharedOptions {
  /** OpenAPI tags. */
  tags?: string[];
  /** Additional documented responses by status code (or `"default"`, `"4XX"`). */
  responses?: Record<string | number, ResponseSpec>;
  /** Class used to send returned values (default `JSONResponse`). */
  responseClass?: ResponseClass;
  /** Marks operations deprecated in OpenAPI. */
  deprecated?: boolean;
  /** `false` hides the operations from OpenAPI. */
  includeInSchema?: boolean;
  /** Dependencies run for their effect before the handler (values discarded), outer ones first. */
  dependencies?: readonly DependsMarker[];
  /** Computes operation ids (default: FastAPI's `generate_unique_id`). */
  generateUniqueIdFunction?: (route: RouteInfo) => string;
  /**
   * OpenAPI callbacks: the routes of a router declaring the requests your API will send
   * (`callbacks: invoicesCallbackRouter.routes`).
   */
  callbacks?: readonly CallbackRoute[];
}

/** A route documented as an OpenAPI callback (any route of an `APIRouter`). */
export interface CallbackRoute extends RouteInfo {
  /** The route's options (for its documentation). */
  readonly options: object;
}

/** Options of one path operation. */
export interface OperationOptions<P extends ParamsDeclaration = ParamsDeclaration> extends SharedOptions {
  /** Declared parameters: path, query, header, cookie, body, form, files, and injectables. */
  params?: P;
  /** Validates and filters the returned value; documents the response schema. `null` disables inference. */
  responseModel?: ZodType | null;
  /** Status code of a successful response (default 200). */
  statusCode?: number;
  /** OpenAPI summary (default: the handler's name in title case). */
  summary?: string;
  /** OpenAPI description. */
  description?: string;
  /** Description of the successful response (default `"Successful Response"`). */
  responseDescription?: string;
  /** OpenAPI operationId (default: generated). */
  operationId?: string;
  /** The operation's name (default: the handler's `name`). */
  name?: string;
  /** Extra members merged into the OpenAPI operation object. */
  openapiExtra?: Record<string, unknown>;
  /**
   * Omit fields the handler did not set explicitly (for a request body returned as it is: the fields the client
   * did not send). Like the other `responseModel…` options, it applies with a `responseModel` only, as in FastAPI.
   */
  responseModelExcludeUnset?: boolean;
  /** Omit fields equal to their default (with a `responseModel` only). */
  responseModelExcludeDefaults?: boolean;
  /** Omit the `null` fields of models, at every depth; the values of records are kept (with a `responseModel` only). */
  responseModelExcludeNone?: boolean;
  /** Keep only these top-level fields (with a `responseModel` only). */
  responseModelInclude?: Iterable<string>;
  /** Drop these top-level fields (with a `responseModel` only). */
  responseModelExclude?: Iterable<string>;
}

/** What an operationId generator sees of a route. */
export interface RouteInfo {
  name: string;
  /** The operation's OpenAPI tags, the router's first (`route.tags[0]` in a `generateUniqueIdFunction`). */
  readonly tags: readonly string[];
  path: string;
  /** The path without convertors (`/files/{file_path}`). */
  pathFormat: string;
  methods: readonly string[];
}

/** FastAPI's `generate_unique_id`: `read_item_items__item_id__get`. */
export function generateUniqueId(route: RouteInfo): string {
  return `${route.name}${route.pathFormat}`.replace(/[^\p{L}\p{N}_]/gu, "_") + `_${(route.methods[0] ?? "get").toLowerCase()}`;
}

/** Python's `str.title()` of a name with `_` as spaces (`read_item` → `Read Item`); camelCase is split too. */
export function titleCase(name: string): string {
  const spaced = name.replace(/_/g, " ").replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  let out = "";
  let prevCased = false;
  for (const ch of spaced) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (prevCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevCased = cased;
  }
  return out;
}
