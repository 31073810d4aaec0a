/**
 * How the CLI finds and loads the user's app: the default file lookup (as `fastapi` does), the app among a module's
 * exports, and errors that say where the user's code is wrong.
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FastAPI } from "../app.ts";

/** The files tried, in order, when no file is given (`fastapi`'s `main.py`, `app.py`, `api.py`, `app/main.py`…). */
export const DEFAULT_FILES: readonly string[] = ["main", "app", "api", "app/main", "app/app", "app/api"].flatMap((f) => [`${f}.ts`, `${f}.js`]);

/** An error the CLI prints as it is, without a stack: the user's file or command line needs a change. */
export class CliError extends Error {
  override name = "CliError";
}

/** The first of {@link DEFAULT_FILES} that exists under `cwd`. */
export function defaultFile(cwd: string = process.cwd()): string {
  for (const f of DEFAULT_FILES) if (existsSync(resolve(cwd, f))) return resolve(cwd, f);
  throw new CliError(`No file given, and none of ${DEFAULT_FILES.filter((f) => f.endsWith(".ts")).join(", ")} (or .js) here: pass the file that exports your app, e.g. \`fastapi-ts dev main.ts\``);
}

/**
 * A FastAPI app: an instance of this copy's class, or of another copy of fastapi-ts (a global CLI serving an app
 * that imports its own install) — the server needs only what every copy has.
 */
function isApp(value: unknown): value is FastAPI {
  if (value instanceof FastAPI) return true;
  const v = value as { dispatch?: unknown; openapi?: unknown; settings?: unknown } | null;
  return typeof v === "object" && v !== null && typeof v.dispatch === "function" && typeof v.openapi === "function" && typeof v.settings === "object";
}

/**
 * Finds the app exported by a module: the export `name` when given; else `app`, then `api` (as `fastapi` looks);
 * else the only FastAPI export (the default export counts). Several candidates and no `app` is an error that
 * names them, so that the user can choose with `--app`.
 */
export function findApp(mod: Record<string, unknown>, name?: string, file = "the module"): FastAPI {
  if (name) {
    const v = mod[name];
    if (!isApp(v)) throw new CliError(`${file} exports no FastAPI app named '${name}'${appNames(mod).length ? ` (it exports ${list(appNames(mod))})` : ""}`);
    return v;
  }
  for (const conventional of ["app", "api"]) if (isApp(mod[conventional])) return mod[conventional];
  const names = appNames(mod);
  const apps = new Set(names.map((n) => mod[n]));
  if (apps.size === 1) return mod[names[0]!] as FastAPI;
  if (apps.size > 1) {
    throw new CliError(`${file} exports ${apps.size} FastAPI apps (${list(names)}): choose one with --app ${names.find((n) => n !== "default") ?? names[0]}`);
  }
  throw new CliError(`Could not find a FastAPI app in ${file}: export it as \`app\` (export const app = new FastAPI())`);
}

function appNames(mod: Record<string, unknown>): string[] {
  return Object.keys(mod).filter((k) => isApp(mod[k]));
}

function list(names: string[]): string {
  return names.map((n) => `\`${n}\``).join(", ");
}

/** Imports the user's file and finds its app; a syntax error is reported with its file, line and column. */
export async function loadApp(file: string, name?: string): Promise<FastAPI> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError) throw new CliError(describeSyntaxError(error, file));
    throw error;
  }
  return findApp(mod, name, relative(process.cwd(), file) || file);
}

/**
 * `path:line:column: message`, then the line and a caret. Node puts the location of a TypeScript syntax error (and
 * of a JavaScript one in a module it could not parse) at the top of the error's stack as `path:line`, the source
 * line, and a caret under the column; when it does not (a JavaScript syntax error in an ES module), the file is
 * checked with `node --check`, which prints the same.
 */
export function describeSyntaxError(error: SyntaxError, file: string): string {
  const where = locate(error.stack ?? "") ?? locate(checkSyntax(file));
  if (!where) return `${relative(process.cwd(), file) || file}: ${error.message}`;
  const shown = relative(process.cwd(), where.path) || where.path;
  return `${shown}:${where.line}:${where.column}: SyntaxError: ${error.message}\n${where.source}\n${" ".repeat(where.column - 1)}^`;
}

interface Location {
  path: string;
  line: number;
  column: number;
  source: string;
}

/**
 * Reads `path:line` from the head of a stack or of `node --check`'s output, and the column from the caret line
 * under the source line that follows it (Node may show a line of context before that one).
 */
function locate(text: string): Location | null {
  const lines = text.split("\n");
  const head = /^(.+):(\d+)$/.exec(lines[0] ?? "");
  if (!head) return null;
  const path = head[1]!.startsWith("file:") ? fileURLToPath(head[1]!) : head[1]!;
  const caretAt = lines.findIndex((l, i) => i >= 2 && /^\s*\^+\s*$/.test(l));
  if (caretAt < 0) return { path, line: Number(head[2]), column: 1, source: lines[1] ?? "" };
  return { path, line: Number(head[2]), column: lines[caretAt]!.indexOf("^") + 1, source: lines[caretAt - 1]! };
}

function checkSyntax(file: string): string {
  try {
    const r = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
    return r.status === 0 ? "" : r.stderr;
  } catch {
    return "";
  }
}
