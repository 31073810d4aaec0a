import { HTTPException, RequestValidationError } from "./exceptions.ts";
import type { Request } from "./request.ts";
import { JSONResponse, Response } from "./responses.ts";

/** An exception handler: turns an error into a response. */
export type ExceptionHandler<E = Error> = (request: Request, exc: E) => Response | Promise<Response>;

/** FastAPI's default `HTTPException` handler: `{"detail": ...}` with the status and headers (no body for 204/304). */
export function httpExceptionHandler(_request: Request, exc: HTTPException): Response {
  const headers = exc.headers ?? {};
  if (exc.statusCode === 204 || exc.statusCode === 304 || exc.statusCode < 200) {
    return new Response(null, { status: exc.statusCode, headers });
  }
  return new JSONResponse({ detail: exc.detail }, { status: exc.statusCode, headers });
}

/** FastAPI's default `RequestValidationError` handler: 422 `{"detail": errors}`. */
export function requestValidationExceptionHandler(_request: Request, exc: RequestValidationError): Response {
  return new JSONResponse({ detail: exc.errors() }, { status: 422 });
}
