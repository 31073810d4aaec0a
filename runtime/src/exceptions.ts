import { statusPhrase } from "./status.ts";
import { clipInput } from "./validation/errors.ts";

/** Options of an {@link HTTPException}. */
export interface HTTPExceptionOptions {
  /** The `detail` sent as `{"detail": ...}`; any JSON-able value. Defaults to the status phrase. */
  detail?: unknown;
  /** Extra response headers (e.g. `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/**
 * Throw it from a handler (or a dependency) to answer with an HTTP error: `{"detail": detail}` with `statusCode`.
 *
 * @example
 * ```ts
 * if (!item) throw new HTTPException(404, { detail: "Item not found" });
 * ```
 */
export class HTTPException extends Error {
  /** The response status code. */
  readonly statusCode: number;
  /** The `detail` member of the JSON body. */
  readonly detail: unknown;
  /** Extra response headers. */
  readonly headers: Record<string, string> | undefined;
  constructor(statusCode: number, options: HTTPExceptionOptions = {}) {
    const detail = options.detail ?? statusPhrase(statusCode);
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
    this.name = "HTTPException";
    this.statusCode = statusCode;
    this.detail = detail;
    this.headers = options.headers;
  }
  /** Alias of {@link HTTPException.statusCode}. */
  get status(): number {
    return this.statusCode;
  }
}

/** One validation error, as pydantic v2 reports it (without `url`) and FastAPI sends it in a 422. */
export interface ValidationErrorItem {
  /** pydantic error type, e.g. `"missing"`, `"int_parsing"`, `"string_too_short"`. */
  type: string;
  /** Where the error is: `["query", "q"]`, `["body", "items", 0, "name"]`. */
  loc: (string | number)[];
  /** pydantic's message text, e.g. `"Field required"`. */
  msg: string;
  /** The offending input. */
  input: unknown;
  /** Context values of the message template, present only for error types that have one. */
  ctx?: Record<string, unknown>;
}

/**
 * Raised when a request does not validate against the declared parameters; the default handler answers 422
 * `{"detail": errors}`. Override it with `app.exceptionHandler(RequestValidationError, ...)`.
 */
export class RequestValidationError extends Error {
  readonly #errors: ValidationErrorItem[];
  /**
   * The request body as received: the parsed JSON, the raw text when it was not JSON, the form's fields (`{}` for
   * an empty or non-form body of a form route); `null` when there was none, as FastAPI's `exc.body` is `None`.
   */
  readonly body: unknown;
  constructor(errors: ValidationErrorItem[], options: { body?: unknown } = {}) {
    super(`${errors.length} validation error${errors.length === 1 ? "" : "s"}`);
    this.name = "RequestValidationError";
    // An input nested hundreds of levels deep is cut, so the 422 can always be encoded.
    const clipped = new Map<unknown, unknown>(); // errors often share an input (the parent of missing fields)
    this.#errors = errors.map((e) => {
      if (e.input === null || typeof e.input !== "object") return e;
      let input = clipped.get(e.input);
      if (input === undefined) clipped.set(e.input, (input = clipInput(e.input)));
      return input === e.input ? e : { ...e, input };
    });
    this.body = options.body ?? null;
  }
  /** The list of errors, as sent in the 422 body's `detail`. */
  errors(): ValidationErrorItem[] {
    return this.#errors;
  }
}

/** Raised when a handler's return value does not match its `responseModel`: a server error (500), never a 422. */
export class ResponseValidationError extends Error {
  readonly #errors: ValidationErrorItem[];
  /** The value the handler returned (`null` when not given, as FastAPI's `None`). */
  readonly body: unknown;
  constructor(errors: ValidationErrorItem[], options: { body?: unknown } = {}) {
    super(`${errors.length} validation error${errors.length === 1 ? "" : "s"}:\n` +
      errors.map((e) => `  ${JSON.stringify(e)}`).join("\n"));
    this.name = "ResponseValidationError";
    this.#errors = errors;
    this.body = options.body ?? null;
  }
  /** The list of errors. */
  errors(): ValidationErrorItem[] {
    return this.#errors;
  }
}
