// Swagger UI resolves the `$ref`s of each operation the reader expands (and again for each expanded operation after
// every new document) with swagger-client's OpenAPI 3.1 resolver, which first converts the whole document into
// ApiDOM elements: ~150 ms of main thread per edit in the playground on a 2-core machine, more than bundling and
// starting the app together. The documents the runtime writes only ever point into their own `#/components/`, which
// a plain walk resolves in microseconds. This does that walk where it gives the same answer as swagger-client
// (pinned by an e2e test that compares both on every example's document), and says "not mine" everywhere else.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a `$ref` would be data, not a reference (an example's value, a default): swagger-client's rules there differ. */
const LITERAL_KEYS = new Set(["example", "examples", "default", "const", "enum", "value"]);
/**
 * Fields OpenAPI 3.1 does not define, which swagger-client keeps as they are, references and all: OpenAPI 3.2's
 * `itemSchema` (FastAPI writes it for streamed responses) and extensions (`x-…`).
 */
const isOpaque = (key: string): boolean => key === "itemSchema" || key.startsWith("x-");

/** What Swagger UI's `fn.resolveSubtree` answers. */
export interface ResolvedSubtree {
  spec: unknown;
  errors: unknown[];
}

/** Thrown inside the walk when a reference is not one this resolver answers for. */
class NotLocal extends Error {}

/** The keys of a path item that are operations (swagger-client's list). */
const METHODS = new Set(["connect", "delete", "get", "head", "options", "patch", "post", "put", "query", "trace"]);
/** What else a path item may hold for this resolver to answer: path-level parameters and servers are merged into operations by swagger-client. */
const PATH_ITEM_KEYS = new Set([...METHODS, "summary", "description"]);

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Whether a parameter or header carries examples that swagger-client would copy into its schema. */
const copiesExamples = (value: unknown): boolean => {
  const object = asRecord(value);
  const schema = asRecord(object?.["schema"]);
  return !!object && ("example" in object || "examples" in object) && !!schema && ("example" in schema || "examples" in schema);
};

/**
 * The operations whose `operationId` swagger-client rewrites as it normalizes a document (characters outside
 * [A-Za-z0-9_] become `_`, the original kept as `__originalOperationId`, and rewritten ids that collide numbered),
 * with what it writes; `undefined` when the document holds what its other normalizations change (a top-level
 * `security`, path-level parameters, links, examples copied into schemas), which this resolver does not repeat.
 */
function renamedOperations(doc: unknown): Map<object, Record<string, string>> | undefined {
  const root = asRecord(doc);
  if (!root || "security" in root) return undefined;
  const renamed: { operation: object; id: string; original: string }[] = [];
  for (const [path, item] of Object.entries(asRecord(root["paths"]) ?? {})) {
    const pathItem = asRecord(item);
    if (!pathItem || Object.keys(pathItem).some((key) => !PATH_ITEM_KEYS.has(key))) return undefined;
    for (const [method, value] of Object.entries(pathItem)) {
      const operation = asRecord(value);
      if (!METHODS.has(method) || !operation) continue;
      const parameters = operation["parameters"];
      if (Array.isArray(parameters) && parameters.some((parameter) => copiesExamples(parameter) || !!asRecord(parameter)?.["$ref"])) return undefined;
      for (const response of Object.values(asRecord(operation["responses"]) ?? {})) {
        const answer = asRecord(response);
        if (answer && "links" in answer) return undefined;
        if (Object.values(asRecord(answer?.["headers"]) ?? {}).some(copiesExamples)) return undefined;
      }
      const original = operation["operationId"];
      if (original === undefined) continue;
      const text = String(original);
      const id = text.replace(/\s/g, "").length ? text.replace(/\W/g, "_") : `${method}${path.replace(/\W/g, "_")}`;
      if (id !== text) renamed.push({ operation, id, original: text });
    }
  }
  const out = new Map<object, Record<string, string>>();
  for (const { operation, id, original } of renamed) {
    const same = renamed.filter((other) => other.id === id);
    const numbered = same.length > 1 ? `${id}${same.findIndex((other) => other.operation === operation) + 1}` : id;
    out.set(operation, { operationId: numbered, __originalOperationId: original });
  }
  return out;
}

/**
 * The subtree of `doc` at `path` with every `{"$ref": "#/components/…"}` replaced by a copy of its target, marked
 * `$$ref: <baseDoc>#/components/…` as swagger-client marks it, and operation ids normalized as swagger-client
 * normalizes them; or `undefined` when the subtree holds anything else
 * (a reference out of the document, a reference with sibling keys, a cycle, a `$ref` inside example or default
 * data, a path through a reference), which swagger-client must resolve. A path to nothing gives a null subtree, as
 * swagger-client answers.
 */
export function resolveLocalSubtree(doc: unknown, path: readonly (string | number)[], baseDoc: string): ResolvedSubtree | undefined {
  let node: unknown = doc;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    // A path through a reference is swagger-client's to follow.
    if (Object.hasOwn(node, "$ref")) return undefined;
    // Nothing there: swagger-client answers a null subtree (Swagger UI asks for components.securitySchemes always).
    if (!Object.hasOwn(node, key)) return { spec: null, errors: [] };
    node = (node as Record<string, unknown>)[key];
  }
  const renamed = renamedOperations(doc);
  if (!renamed) return undefined;
  const resolving: string[] = [];
  const target = (ref: string): unknown => {
    let at: unknown = doc;
    for (const raw of ref.slice(2).split("/")) {
      const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
      if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) throw new NotLocal();
      at = (at as Record<string, unknown>)[key];
    }
    return at;
  };
  const copy = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;
  const walk = (value: unknown, literal: boolean): Json => {
    if (Array.isArray(value)) return value.map((item) => walk(item, literal));
    if (typeof value !== "object" || value === null) return value as Json;
    const record = value as Record<string, unknown>;
    if (Object.hasOwn(record, "$ref")) {
      const ref = record["$ref"];
      if (literal || typeof ref !== "string" || !ref.startsWith("#/components/") || Object.keys(record).length !== 1) throw new NotLocal();
      if (resolving.includes(ref)) throw new NotLocal();
      resolving.push(ref);
      const resolved = walk(target(ref), false);
      resolving.pop();
      if (typeof resolved !== "object" || resolved === null || Array.isArray(resolved)) throw new NotLocal();
      return { ...resolved, $$ref: `${baseDoc}${ref}` };
    }
    const out: Record<string, Json> = {};
    for (const key of Object.keys(record)) out[key] = isOpaque(key) ? copy(record[key]) : walk(record[key], literal || LITERAL_KEYS.has(key));
    const names = renamed.get(record);
    return names ? { ...out, ...names } : out;
  };
  try {
    return { spec: walk(node, false), errors: [] };
  } catch (error) {
    if (error instanceof NotLocal) return undefined;
    throw error;
  }
}
