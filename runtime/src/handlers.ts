import { HTTPException, RequestValidationError } from "./exceptions.ts";
import { BodyTooLarge, ClientDisconnect, type Request } from "./request.ts";
import { JSONResponse, PlainTextResponse, Response, statusHasNoBody } from "./responses.ts";

/** An exception handler: turns an error into a response. */
export type ExceptionHandler<E = Error> = (request: Request, exc: E) => Response | Promise<Response>;

/** FastAPI's default `HTTPException` handler: `{"detail": ...}` with the status and headers (no body for 204/304). */
export function httpExceptionHandler(_request: Request, exc: HTTPException): Response {
  const headers = exc.headers ?? {};
  if (statusHasNoBody(exc.statusCode)) {
    return new Response(null, { status: exc.statusCode, headers });
  }
  return new JSONResponse({ detail: exc.detail }, { status: exc.statusCode, headers });
}

/** FastAPI's default `RequestValidationError` handler: 422 `{"detail": errors}`. */
export function requestValidationExceptionHandler(_request: Request, exc: RequestValidationError): Response {
  return new JSONResponse({ detail: exc.errors() }, { status: 422 });
}

/** A class of errors (`HTTPException`, `RequestValidationError`, your own…). */
export type ErrorClass<E = unknown> = abstract new (...args: never[]) => E;

/**
 * An app's exception handlers by error class or status code, with the layers of Starlette's stack that use them:
 * {@link ExceptionHandlers.handle} (ExceptionMiddleware, inside the user middleware) and
 * {@link ExceptionHandlers.serverError} (ServerErrorMiddleware, outside it).
 */
export class ExceptionHandlers {
  readonly #handlers = new Map<ErrorClass | number, ExceptionHandler<never>>();

  /** Registers a handler for an error class (matched along its prototype chain) or an HTTP status code. */
  set(key: ErrorClass | number, handler: ExceptionHandler<never>): void {
    this.#handlers.set(key, handler);
  }

  #lookup(error: unknown): ExceptionHandler<never> | undefined {
    if (error instanceof HTTPException) {
      const byStatus = this.#handlers.get(error.statusCode);
      if (byStatus) return byStatus;
    }
    if (error !== null && typeof error === "object") {
      for (let proto = Object.getPrototypeOf(error); proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
        const h = this.#handlers.get(proto.constructor as ErrorClass);
        if (h) return h;
      }
    }
    return undefined;
  }

  /** Starlette's ExceptionMiddleware: registered handlers and the HTTP defaults; anything else propagates. */
  async handle(request: Request, error: unknown): Promise<Response> {
    if (error instanceof BodyTooLarge) error = new HTTPException(413);
    const handler = this.#lookup(error);
    if (handler) {
      try {
        return await handler(request, error as never);
      } catch (inner) {
        if (inner !== error) return this.handle(request, inner);
        throw inner;
      }
    }
    if (error instanceof HTTPException) return httpExceptionHandler(request, error);
    if (error instanceof RequestValidationError) return requestValidationExceptionHandler(request, error);
    throw error;
  }

  /** Starlette's ServerErrorMiddleware: the `500`/`Error` handler, else a plain 500. */
  async serverError(request: Request, error: unknown, onServerError?: (error: unknown) => void): Promise<Response> {
    const serverHandler = this.#handlers.get(500) ?? this.#handlers.get(Error);
    onServerError?.(error);
    if (serverHandler) {
      try {
        return await serverHandler(request, error as never);
      } catch { /* fall through to the plain 500 */ }
    }
    if (!onServerError) reportServerError(request, error);
    return new PlainTextResponse("Internal Server Error", { status: 500 });
  }
}

/**
 * Logs an error nothing answered, naming the request: one line when the client went away while sending its body
 * (nobody is left to answer; a stack would only hide real faults), the stack otherwise.
 */
export function reportServerError(request: Request, error: unknown): void {
  const what = `${request.method} ${request.rawPath}`;
  if (error instanceof ClientDisconnect) console.warn(`Client disconnected before sending the whole body: ${what}`);
  else console.error(`Exception in the app while handling ${what}:`, error);
}
