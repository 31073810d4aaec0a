import type { Request } from "./request.ts";

/**
 * The key of an injectable class's static provider: a class with `static [provide](request)` can be declared in
 * `params` (as `Request` is) and receives what the provider returns for the current request.
 * `BackgroundTasks` and `WebSocket` are declared this way; other modules (security…) can use the same hook.
 */
export const provide: unique symbol = Symbol.for("fastapi-ts.provide");

/** A class (or any object) whose static `[provide]` returns the value injected for a request. */
export interface Injectable<T> {
  [provide](request: Request): T;
}

/** `true` for a declaration that provides its own value. */
export function isInjectable(decl: unknown): decl is Injectable<unknown> {
  return (typeof decl === "function" || (typeof decl === "object" && decl !== null)) && typeof (decl as Partial<Injectable<unknown>>)[provide] === "function";
}
