/** A matched route and its raw (percent-decoded) path parameters. */
export interface RouteMatch<T> {
  handler: T;
  params: Record<string, string>;
}

/** Result of {@link Router.match}: a route, the methods a path allows (405), or `null` (404). */
export type MatchResult<T> = RouteMatch<T> | { allowed: readonly string[] } | null;

/**
 * The two-method router interface (as Hono's): routes are added once at registration, matched per request.
 * Matching follows declaration order; when only the method differs, the first such route's methods are returned.
 */
export interface Router<T> {
  /** Registers `handler` for `methods` (upper case) on a path template (`/items/{item_id}`, `/files/{p:path}`). */
  add(methods: readonly string[], path: string, handler: T): void;
  /** Finds the route for a method and a decoded path. */
  match(method: string, path: string): MatchResult<T>;
}

/** A compiled path template, as Starlette's `compile_path` makes it. */
export interface CompiledPath {
  /** The template without convertors: `/files/{file_path}`. */
  format: string;
  /** Parameter names in order. */
  names: string[];
  /** `null` when the path has no parameters (compared as a string). */
  regex: RegExp | null;
}

const convertors: Record<string, string> = {
  str: "[^/]+",
  path: ".*",
  int: "[0-9]+",
  float: "[0-9]+(?:\\.[0-9]+)?",
  uuid: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
};

/** Compiles `/items/{item_id}` / `/files/{file_path:path}` into a matcher. */
export function compilePath(path: string): CompiledPath {
  const names: string[] = [];
  let format = "";
  let source = "^";
  let last = 0;
  for (const m of path.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z_][a-zA-Z0-9_]*))?\}/g)) {
    const [whole, name, conv = "str"] = m as unknown as [string, string, string | undefined];
    const pattern = convertors[conv];
    if (pattern === undefined) throw new Error(`Unknown path convertor '${conv}' in ${path}`);
    if (names.includes(name)) throw new Error(`Duplicated param name ${name} at path ${path}`);
    const literal = path.slice(last, m.index);
    source += escapeRegExp(literal) + `(${pattern})`;
    format += literal + `{${name}}`;
    names.push(name);
    last = m.index + whole.length;
  }
  format += path.slice(last);
  source += escapeRegExp(path.slice(last)) + "$";
  const compiled = { format, names, regex: names.length ? new RegExp(source) : null };
  if (compiled.regex) literalPrefixes.set(compiled, format.slice(0, format.indexOf("{")));
  return compiled;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The text every match of a path compiled by {@link compilePath} starts with: its template up to the first parameter
 * (the regular expression is anchored and begins with that text, escaped). Kept aside, not in {@link CompiledPath},
 * so that a path compiled by other means is simply tried without it.
 */
const literalPrefixes = new WeakMap<CompiledPath, string>();

interface Entry<T> {
  methods: ReadonlySet<string>;
  allowed: readonly string[];
  path: CompiledPath;
  /** What a path must start with to be tried against `path.regex` (`""`: tried always). */
  prefix: string;
  handler: T;
}

/**
 * A router that tries routes in declaration order; static paths are compared as strings, others with one
 * precompiled regular expression each. Cheap to build (good for a playground that rebuilds the app on every edit).
 */
export class LinearRouter<T> implements Router<T> {
  readonly #entries: Entry<T>[] = [];

  /**
   * Registers `handler` for `methods` on a path template. `compiled`: the template already compiled (an
   * `APIRoute`'s), so that building a table does not compile every path again.
   */
  add(methods: readonly string[], path: string, handler: T, compiled: CompiledPath = compilePath(path)): void {
    // No HEAD is added to a GET route: FastAPI's path operations answer only the methods they declare (405 to a
    // HEAD on a GET operation); routes that answer HEAD as well (the docs, static files) declare it.
    const allowed = [...methods];
    this.#entries.push({ methods: new Set(allowed), allowed, path: compiled, prefix: literalPrefixes.get(compiled) ?? "", handler });
  }

  match(method: string, path: string): MatchResult<T> {
    let partial: Entry<T> | undefined;
    for (const e of this.#entries) {
      let params: Record<string, string> | undefined;
      if (e.path.regex === null) {
        if (e.path.format !== path) continue;
        params = {};
      } else {
        // Perf: a path without the template's leading text cannot match: no regular expression run (in the benchmark,
        // `/users/me` and `/search` were each tried against `/items/{item_id}`'s).
        if (!path.startsWith(e.prefix)) continue;
        const m = e.path.regex.exec(path);
        if (m === null) continue;
        params = {};
        for (let i = 0; i < e.path.names.length; i++) params[e.path.names[i]!] = m[i + 1]!;
      }
      if (e.methods.size === 0 || e.methods.has(method)) return { handler: e.handler, params };
      partial ??= e;
    }
    return partial ? { allowed: partial.allowed } : null;
  }
}
