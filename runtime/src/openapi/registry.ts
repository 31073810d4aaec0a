import type { ZodType } from "zod";
import { convert, type JSONSchema, type Mode } from "./schema.ts";

const DEFS = "#/$defs/";
const COMPONENTS = "#/components/schemas/";

/** A place that names a component: `holder[key]` is a `$ref` or a discriminator `mapping` value. */
interface RefSite {
  holder: Record<string, unknown>;
  key: string;
  name: string;
  mode: Mode;
}

/**
 * Converts zod schemas to OpenAPI 3.1 schemas, hoisting named models (`.meta({ id })`) into
 * `components.schemas` and splitting a model into `Name-Input` / `Name-Output` when it is used in both
 * directions and its two JSON Schemas differ (FastAPI's `separate_input_output_schemas`).
 */
export class SchemaRegistry {
  readonly #separate: boolean;
  readonly #defs: Record<Mode, Map<string, JSONSchema>> = { input: new Map(), output: new Map() };
  readonly #sites: RefSite[] = [];
  readonly #extra = new Map<string, JSONSchema>();

  constructor(separateInputOutput = true) {
    this.#separate = separateInputOutput;
  }

  /** The schema of `schema` for requests (`input`) or responses (`output`); named models become `$ref`s. */
  schema(schema: ZodType, mode: Mode): JSONSchema {
    const m: Mode = this.#separate ? mode : "input";
    const { root, defs } = convert(schema, m);
    for (const [name, def] of Object.entries(defs)) {
      this.#collectRefs(def, m);
      if (!this.#defs[m].has(name)) this.#defs[m].set(name, def);
    }
    this.#collectRefs(root, m);
    return root;
  }

  /** Adds a literal component schema (e.g. `HTTPValidationError`, `Body_...`). */
  addComponent(name: string, schema: JSONSchema, mode: Mode = "input"): void {
    this.#collectRefs(schema, this.#separate ? mode : "input");
    this.#extra.set(name, schema);
  }

  #collectRefs(node: unknown, mode: Mode): void {
    if (Array.isArray(node)) {
      for (const x of node) this.#collectRefs(x, mode);
      return;
    }
    if (!node || typeof node !== "object") return;
    const obj = node as JSONSchema;
    this.#site(obj, "$ref", mode);
    const mapping = (obj.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === "object") for (const k of Object.keys(mapping)) this.#site(mapping, k, mode);
    for (const v of Object.values(obj)) if (v && typeof v === "object") this.#collectRefs(v, mode);
  }

  #site(holder: Record<string, unknown>, key: string, mode: Mode): void {
    const ref = holder[key];
    if (typeof ref !== "string" || !ref.startsWith(DEFS)) return;
    const name = ref.slice(DEFS.length);
    holder[key] = COMPONENTS + name;
    this.#sites.push({ holder, key, name, mode });
  }

  /**
   * The `components.schemas` object, sorted by name; rewrites references to split models. As pydantic decides
   * it: every model used in both directions starts split, and is merged back while its two schemas are the same
   * once the models they reference are named as they stand — so a recursive model (whose schemas reference its
   * own `-Input` and `-Output`) stays split, and so does a model that references one.
   */
  components(): Record<string, JSONSchema> {
    const split = new Set([...this.#defs.input.keys()].filter((n) => this.#defs.output.has(n)));
    const render = (def: JSONSchema, mode: Mode): string => JSON.stringify(def, (_k, v: unknown) =>
      typeof v === "string" && v.startsWith(COMPONENTS) && split.has(v.slice(COMPONENTS.length)) ? `${v}-${mode}` : v);
    for (let changed = true; changed;) {
      changed = false;
      const same = [...split].filter((n) => render(this.#defs.input.get(n)!, "input") === render(this.#defs.output.get(n)!, "output"));
      for (const n of same) split.delete(n);
      changed = same.length > 0;
    }
    for (const site of this.#sites) {
      if (split.has(site.name)) site.holder[site.key] = `${COMPONENTS}${site.name}-${site.mode === "input" ? "Input" : "Output"}`;
    }
    const all: Record<string, JSONSchema> = {};
    for (const mode of ["input", "output"] as const) {
      for (const [n, def] of this.#defs[mode]) {
        all[split.has(n) ? `${n}-${mode === "input" ? "Input" : "Output"}` : n] = def;
      }
    }
    for (const [n, def] of this.#extra) all[n] = def;
    return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
