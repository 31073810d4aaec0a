import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";

/** An app layer: answers a request (the rest of the stack, seen from a middleware). */
export type Dispatch = (request: Request) => Promise<Response>;

/** What a function middleware calls to run the rest of the stack (Starlette's `call_next`). */
export type CallNext = Dispatch;

/** A function middleware: `app.middleware("http", async (request, callNext) => { ... })`. */
export type MiddlewareFunction = (request: Request, callNext: CallNext) => Response | Promise<Response>;

/** A middleware instance wrapping the next layer. */
export interface MiddlewareInstance {
  /** Answers a request, usually by calling the wrapped layer. */
  handle(request: Request): Promise<Response>;
}

/**
 * A middleware class, added with `app.addMiddleware(Class, options)`: constructed once with the next layer and the
 * options (Starlette's `Middleware(cls, **options)`).
 */
export type MiddlewareClass<O> = new (app: Dispatch, options: O) => MiddlewareInstance;

/**
 * Base of class middleware written as a `dispatch(request, callNext)` method (Starlette's `BaseHTTPMiddleware`).
 *
 * @example
 * ```ts
 * class TimingMiddleware extends BaseHTTPMiddleware {
 *   async dispatch(request: Request, callNext: CallNext) {
 *     const start = performance.now();
 *     const response = await callNext(request);
 *     response.headers.set("x-process-time", String(performance.now() - start));
 *     return response;
 *   }
 * }
 * app.addMiddleware(TimingMiddleware);
 * ```
 */
export abstract class BaseHTTPMiddleware implements MiddlewareInstance {
  /** The wrapped layer. */
  protected readonly app: Dispatch;
  constructor(app: Dispatch, _options?: unknown) {
    this.app = app;
  }
  /** Override: answer the request, calling `callNext` to run the rest of the stack. */
  abstract dispatch(request: Request, callNext: CallNext): Response | Promise<Response>;
  async handle(request: Request): Promise<Response> {
    return this.dispatch(request, this.app);
  }
}

/**
 * Appends `value` to a response's `Vary` header, every `Vary` line joined into one (Starlette's `add_vary_header`:
 * a value already there is appended again, as Starlette does).
 */
export function addVary(headers: Headers, value: string): void {
  const existing = headers.get("vary");
  headers.set("vary", existing === null ? value : `${existing}, ${value}`);
}
