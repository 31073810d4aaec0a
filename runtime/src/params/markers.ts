import type { output, ZodType } from "zod";
import { UploadFile } from "../datastructures.ts";
import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";
import type { SecurityScopes } from "../security/scopes.ts";
import type { Injectable } from "../injection.ts";

/** Where a parameter comes from. */
export type ParamSource = "path" | "query" | "header" | "cookie" | "body" | "form" | "file";

/** One named OpenAPI example (`openapiExamples`). */
export interface OpenAPIExample {
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

/** Options shared by every parameter marker. */
export interface ParamOptions {
  /** The name on the wire when it differs from the declared key (`item-query`). */
  alias?: string;
  /** OpenAPI title of the parameter's schema. */
  title?: string;
  /** OpenAPI description. */
  description?: string;
  /** Marks the parameter deprecated in OpenAPI. */
  deprecated?: boolean;
  /** JSON Schema `examples`. */
  examples?: unknown[];
  /** OpenAPI `examples` (named, with summary/description/value), shown by Swagger UI. */
  openapiExamples?: Record<string, OpenAPIExample>;
  /** `false` hides the parameter from OpenAPI (it still works). */
  includeInSchema?: boolean;
}

/** Options of {@link Header}. */
export interface HeaderOptions extends ParamOptions {
  /** Convert `_` to `-` in the header name (default `true`): `user_agent` reads `user-agent`. */
  convertUnderscores?: boolean;
}

/** Options of {@link Body}. */
export interface BodyOptions extends ParamOptions {
  /** Expect `{"<name>": value}` even when this is the only body parameter. */
  embed?: boolean;
  /** Media type documented for the request body (default `application/json`). */
  mediaType?: string;
}

/** Options of {@link Form}. */
export interface FormOptions extends ParamOptions {
  /** Media type documented for the request body (default `application/x-www-form-urlencoded`). */
  mediaType?: string;
}

/** Options of {@link File}. */
export interface FileOptions extends ParamOptions {
  /** Receive an {@link UploadFile} (name, content type, streaming) instead of bytes. */
  upload?: boolean;
  /** Receive every file sent under the name, as an array. */
  list?: boolean;
  /** The parameter may be absent (`undefined`). */
  optional?: boolean;
}

/**
 * A declared parameter: a zod schema plus where it comes from. Made by {@link Path}, {@link Query},
 * {@link Header}, {@link Cookie}, {@link Body} and {@link Form}.
 */
export class Param<S extends ZodType = ZodType, Src extends ParamSource = ParamSource> {
  /** Where the value comes from. */
  readonly source: Src;
  /** The zod schema the value is coerced and validated by. */
  readonly schema: S;
  /** Marker options. */
  readonly options: HeaderOptions & BodyOptions;
  constructor(source: Src, schema: S, options: HeaderOptions & BodyOptions = {}) {
    this.source = source;
    this.schema = schema;
    this.options = options;
  }
}

/**
 * A path parameter (`{item_id}` in the path).
 *
 * @param schema - The value's zod schema; the string on the wire is coerced to it before validation.
 * @param options - Wire name (`alias`), OpenAPI title, description and examples, deprecation.
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function Path<S extends ZodType>(schema: S, options: ParamOptions = {}): Param<S, "path"> {
  return new Param("path", schema, options);
}

/**
 * A query parameter. An object schema declares a parameter model: each field is a query parameter
 * (a strict object forbids extra ones).
 *
 * @param schema - The value's zod schema; the string on the wire is coerced to it before validation.
 * @param options - Wire name (`alias`), OpenAPI title, description and examples, deprecation.
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function Query<S extends ZodType>(schema: S, options: ParamOptions = {}): Param<S, "query"> {
  return new Param("query", schema, options);
}

/**
 * A header (`user_agent` reads `user-agent` unless `convertUnderscores: false`); an object schema is a header model.
 *
 * @param schema - The value's zod schema; the string on the wire is coerced to it before validation.
 * @param options - Wire name (`alias`), OpenAPI title, description and examples, deprecation, and whether `_` in the name reads as `-` (`convertUnderscores`).
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function Header<S extends ZodType>(schema: S, options: HeaderOptions = {}): Param<S, "header"> {
  return new Param("header", schema, options);
}

/**
 * A cookie; an object schema is a cookie model.
 *
 * @param schema - The value's zod schema; the string on the wire is coerced to it before validation.
 * @param options - Wire name (`alias`), OpenAPI title, description and examples, deprecation.
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function Cookie<S extends ZodType>(schema: S, options: ParamOptions = {}): Param<S, "cookie"> {
  return new Param("cookie", schema, options);
}

/**
 * A JSON body (or a member of it, when there are several body parameters or `embed: true`).
 *
 * @param schema - The body's zod schema (JSON is parsed, not coerced from strings).
 * @param options - `embed: true` to read the value from a member named after the parameter, the media type,
 * OpenAPI title, description and examples.
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function Body<S extends ZodType>(schema: S, options: BodyOptions = {}): Param<S, "body"> {
  return new Param("body", schema, options);
}

/**
 * A form field (`application/x-www-form-urlencoded` or `multipart/form-data`); an object schema is a form model.
 *
 * @param schema - The value's zod schema; the field's string is coerced to it before validation.
 * @param options - Wire name (`alias`), OpenAPI title, description and examples, deprecation.
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function Form<S extends ZodType>(schema: S, options: FormOptions = {}): Param<S, "form"> {
  return new Param("form", schema, options);
}

/** A declared file upload. Made by {@link File}. */
export class FileParam<V = unknown> {
  /** Always `"file"`. */
  readonly source = "file" as const;
  /** Marker options. */
  readonly options: FileOptions;
  /** @internal Type carrier. */
  declare readonly _value: V;
  constructor(options: FileOptions) {
    this.options = options;
  }
}

type FileValue<O extends FileOptions> =
  | (O["list"] extends true ? (O["upload"] extends true ? UploadFile : Uint8Array)[] : O["upload"] extends true ? UploadFile : Uint8Array)
  | (O["optional"] extends true ? undefined : never);

/**
 * A file sent as `multipart/form-data`: bytes by default, an {@link UploadFile} with `upload: true`,
 * an array with `list: true`. Declaring `UploadFile` itself is the short form of `File({ upload: true })`.
 *
 * @param options - `upload`, `list` and `optional` shape the value the handler receives; the rest documents it.
 * @returns A marker for an operation's or a dependency's `params`.
 */
export function File<const O extends FileOptions = {}>(options?: O): FileParam<FileValue<O>> {
  return new FileParam(options ?? {});
}

/** Anything that can be declared in `params`. */
export type ParamDeclaration =
  | ZodType
  | Param<ZodType, ParamSource>
  | FileParam<unknown>
  | typeof UploadFile
  | typeof Request
  | typeof Response
  | typeof SecurityScopes
  | DependencyMarker<unknown>
  | Injectable<unknown>;

/** A dependency reference made by `Depends`: its value is what the dependency provides. */
export interface DependencyMarker<V> {
  /** Always `"depends"`. */
  readonly source: "depends";
  /** @internal Type carrier. */
  readonly _value: V;
}

/** The value a handler receives for one declaration. */
export type ParamValue<D> =
  D extends Param<infer S, ParamSource> ? output<S>
  : D extends ZodType ? output<D>
  : D extends FileParam<infer V> ? V
  : D extends DependencyMarker<infer V> ? V
  : D extends typeof UploadFile ? UploadFile
  : D extends typeof Request ? Request
  : D extends typeof Response ? Response
  : D extends typeof SecurityScopes ? SecurityScopes
  : D extends Injectable<infer V> ? V
  : never;

/** The handler's argument: one property per declared parameter, typed by its declaration. */
export type ParamValues<P> = { -readonly [K in keyof P]: ParamValue<P[K]> };

/** A `params` declaration: parameter names to declarations. */
export type ParamsDeclaration = Record<string, ParamDeclaration>;
