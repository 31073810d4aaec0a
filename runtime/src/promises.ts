/**
 * Whether a value is a promise or another thenable, i.e. what `await` would wait for. Perf: the hot path awaits
 * only these; awaiting a plain value still costs a microtask turn.
 */
export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === "object" || typeof v === "function") && v !== null && typeof (v as PromiseLike<unknown>).then === "function";
}
