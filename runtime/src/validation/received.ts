/**
 * What the client sent, kept beside the value validated from it, so that the fields the client left out can be
 * told from those a default filled in (pydantic's `fields_set`).
 */
const received = new WeakMap<object, unknown>();

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * @internal Records the request input `raw` that the validated object `value` was made from, when validation added
 * members the client did not send (defaults, transforms). Perf: otherwise {@link excludeUnset} answers the same
 * without it, and a `WeakMap` entry per request body was ~3% of a JSON-body request's CPU in a profile.
 */
export function rememberReceived(value: unknown, raw: unknown): void {
  if (value !== null && typeof value === "object" && raw !== null && typeof raw === "object" && addsMembers(value, raw)) received.set(value, raw);
}

/** Whether `value` has, at some depth that {@link only} walks, a member `raw` lacks. */
function addsMembers(value: unknown, raw: unknown): boolean {
  if (Array.isArray(value)) {
    if (!Array.isArray(raw)) return false;
    for (let i = 0; i < value.length; i++) if (addsMembers(value[i], raw[i])) return true;
    return false;
  }
  if (!isPlainObject(value) || !isPlainObject(raw)) return false;
  // A default at the top level (the usual case) is found before any walk into the members.
  const keys = Object.keys(value);
  for (const k of keys) if (!(k in raw)) return true;
  for (const k of keys) if (addsMembers(value[k], raw[k])) return true;
  return false;
}

function only(value: unknown, raw: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(raw)) return value.map((v, i) => only(v, raw[i]));
  if (!isPlainObject(value) || !isPlainObject(raw)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k in raw) out[k] = only(v, raw[k]);
  return out;
}

/**
 * The members of a request body's validated value that the client actually sent, at every depth: the defaults
 * validation filled in are left out (pydantic's `model_dump(exclude_unset=True)`). For a value that did not come
 * from a request body, a copy of the whole value.
 *
 * @example
 * ```ts
 * // PATCH {"price": 3} → { price: 3 }, although `item` also holds the defaults of the other fields
 * const update_data = excludeUnset(item);
 * ```
 */
export function excludeUnset<T extends object>(value: T): Partial<T> {
  const raw = received.get(value);
  return (raw === undefined ? (Array.isArray(value) ? [...value] : { ...value }) : only(value, raw)) as Partial<T>;
}
