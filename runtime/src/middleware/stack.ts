import type { CallNext, Dispatch, MiddlewareClass, MiddlewareFunction } from "./base.ts";
import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";

/** A middleware class with its options (`middleware: [[CORSMiddleware, { allowOrigins: ["*"] }]]`). */
export type MiddlewareEntry = readonly [cls: MiddlewareClass<never>, options?: unknown];

/**
 * The user middleware of an app, outermost first (Starlette's `user_middleware`): added last, runs first. The app
 * builds the layers around its exception handling once, on the first request after a change.
 */
export class MiddlewareStack {
  readonly #entries: { cls: MiddlewareClass<never>; options: unknown }[] = [];

  /** Adds a middleware class with its options as the new outermost layer. */
  add(cls: MiddlewareClass<never>, options: unknown): void {
    this.#entries.unshift({ cls, options });
  }

  /** Adds a function middleware (`app.middleware("http", fn)`) as the new outermost layer. */
  addFunction(fn: MiddlewareFunction): void {
    this.add(functionMiddleware(fn) as MiddlewareClass<never>, undefined);
  }

  /** Whether no middleware was added. */
  get empty(): boolean {
    return this.#entries.length === 0;
  }

  /**
   * Wraps `inner` in the layers, the last added outermost. Perf: without middleware this is `inner` itself, so an
   * app without user middleware dispatches straight to its exception handling, with no layer in between.
   */
  build(inner: Dispatch): Dispatch {
    let app = inner;
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const m = this.#entries[i]!;
      const instance = new m.cls(app, m.options as never);
      app = (request) => instance.handle(request);
    }
    return app;
  }
}

/** A function middleware as a middleware class. */
function functionMiddleware(fn: MiddlewareFunction): MiddlewareClass<undefined> {
  return class FunctionMiddleware {
    readonly #next: CallNext;
    constructor(app: Dispatch) {
      this.#next = app;
    }
    async handle(request: Request): Promise<Response> {
      return fn(request, this.#next);
    }
  };
}
