import type { output, ZodType } from "zod";
import { coercerFor } from "./params/coerce.ts";
import { isScalar, objectShape } from "./params/introspect.ts";
import { mapIssues } from "./validation/errors.ts";
import type { ValidationErrorItem } from "./exceptions.ts";

/** Options of {@link settings} and {@link loadSettings} (pydantic-settings' `model_config`, camelCased). */
export interface SettingsOptions {
  /** Prefix of the variables (`APP_` reads `APP_ADMIN_EMAIL` for `admin_email`). */
  envPrefix?: string;
  /** Match variable names case-sensitively (default `false`). */
  caseSensitive?: boolean;
  /** The variables (default: {@link setDefaultEnv}'s, else the host's `process.env`). */
  env?: Record<string, string | undefined>;
  /** A `.env` file read on hosts with a file system (Node, Deno, Bun); its values lose to real variables. */
  envFile?: string | null;
  /**
   * `.env` content given as text (e.g. in a browser worker, which has no disk); loses to real variables and, when
   * both are given, to the values of `envFile`: a stand-in for what the file would hold.
   */
  dotenv?: string;
  /** Values that win over every other source (pydantic's init arguments). */
  values?: Record<string, unknown>;
}

/** Settings did not validate: `errors()` as in a 422, the message as pydantic prints it. */
export class SettingsError extends Error {
  readonly #errors: ValidationErrorItem[];
  constructor(errors: ValidationErrorItem[], title: string) {
    super(`${errors.length} validation error${errors.length === 1 ? "" : "s"} for ${title}\n` +
      errors.map((e) => `${e.loc.join(".")}\n  ${e.msg} [type=${e.type}]`).join("\n"));
    this.name = "SettingsError";
    this.#errors = errors;
  }
  /** The validation errors. */
  errors(): ValidationErrorItem[] {
    return this.#errors;
  }
}

let defaultEnv: Record<string, string | undefined> | null = null;

/** Sets the variables settings read by default (the playground provides them in the browser). */
export function setDefaultEnv(env: Record<string, string | undefined> | null): void {
  defaultEnv = env;
}

type Host = { process?: { env?: Record<string, string | undefined>; getBuiltinModule?: (id: string) => unknown } };

function hostEnv(): Record<string, string | undefined> {
  return defaultEnv ?? (globalThis as Host).process?.env ?? {};
}

function readHostFile(path: string): string | null {
  const fs = (globalThis as Host).process?.getBuiltinModule?.("node:fs") as { readFileSync(p: string, e: "utf8"): string } | undefined;
  if (!fs) return null;
  try {
    return fs.readFileSync(path, "utf8");
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return null;
    throw e;
  }
}

/** Parses `.env` text: `KEY=value` lines, `#` comments, `export ` prefixes, single/double quotes, `\n` in double quotes. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/.exec(line);
    if (!m) continue;
    let v = (m[2] ?? "").trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\n/g, "\n").replace(/\\"/g, '"');
    else if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, "");
    out[m[1]!] = v;
  }
  return out;
}

function lookup(source: Record<string, string | undefined>, name: string, caseSensitive: boolean): string | undefined {
  if (caseSensitive) return source[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(source)) if (k.toLowerCase() === lower && v !== undefined) return v;
  return undefined;
}

/**
 * Reads and validates settings once: each field of the zod object from `values`, then the environment, then the
 * `.env` file, then its default. Strings are coerced by the field's type (as query parameters are); objects and
 * arrays are read as JSON. Throws {@link SettingsError} when invalid.
 */
export function loadSettings<S extends ZodType>(schema: S, options: SettingsOptions = {}): output<S> {
  const shape = objectShape(schema);
  if (!shape) throw new TypeError("Settings must be a zod object");
  const prefix = options.envPrefix ?? "";
  const cs = options.caseSensitive === true;
  const env = options.env ?? hostEnv();
  const file: Record<string, string> = {
    ...(options.dotenv !== undefined ? parseDotenv(options.dotenv) : {}),
    ...(options.envFile ? parseDotenv(readHostFile(options.envFile) ?? "") : {}),
  };
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    if (options.values && name in options.values) {
      input[name] = options.values[name];
      continue;
    }
    const raw = lookup(env, prefix + name, cs) ?? lookup(file, prefix + name, cs);
    if (raw === undefined) continue;
    if (isScalar(field)) {
      input[name] = coercerFor(field)(raw);
    } else {
      try {
        input[name] = JSON.parse(raw);
      } catch {
        input[name] = raw;
      }
    }
  }
  const r = schema.safeParse(input);
  if (!r.success) {
    const title = (schema as unknown as { meta(): { id?: string; title?: string } | undefined }).meta?.()?.id ?? "Settings";
    throw new SettingsError(mapIssues(r.error.issues as never, schema, input, []), title);
  }
  return r.data;
}

/** A cached settings dependency: call it for the settings; `cacheClear()` to read them again. */
export interface SettingsDependency<T> {
  (): T;
  /** Forgets the cached settings (the next call reads the sources again). */
  cacheClear(): void;
}

/**
 * A settings dependency (FastAPI's `@lru_cache def get_settings(): return Settings()`): read once, on first use,
 * then cached. Use it with `Depends(getSettings)`; replace it in tests with
 * `app.dependencyOverrides.set(getSettings, () => ({ ...testValues }))`.
 *
 * @example
 * ```ts
 * const Settings = z.object({ app_name: z.string().default("Awesome API"), admin_email: z.string(), items_per_user: z.int().default(50) });
 * export const getSettings = settings(Settings, { envFile: ".env" });
 * app.get("/info", { params: { s: Depends(getSettings) } }, async function info({ s }) {
 *   return { app_name: s.app_name, admin_email: s.admin_email, items_per_user: s.items_per_user };
 * });
 * ```
 */
export function settings<S extends ZodType>(schema: S, options: SettingsOptions = {}): SettingsDependency<output<S>> {
  let cached: { value: output<S> } | null = null;
  const get_settings = (): output<S> => (cached ??= { value: loadSettings(schema, options) }).value;
  return Object.assign(get_settings, { cacheClear: () => { cached = null; } });
}
