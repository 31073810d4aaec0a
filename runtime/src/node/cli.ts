/**
 * `fastapi-ts dev [file]` (127.0.0.1, reloads on change) and `fastapi-ts run [file]` (0.0.0.0, `--workers N`):
 * finds the file (as `fastapi` does), imports it, finds its exported app, serves it, and shuts down cleanly on
 * SIGINT/SIGTERM. The command's options are one table ({@link CLI_OPTIONS}); {@link serveOptions} turns them into
 * the options of `serve()`. The executable is `bin.ts`, which checks the Node version first.
 * @packageDocumentation
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CliError, defaultFile, loadApp } from "./app-loader.ts";
import { serve, type ServeOptions } from "./server.ts";
import { handleProcessFaults } from "./faults.ts";
import { LIMIT_OPTIONS, limitOptions } from "./limitflags.ts";
import { isWorker, onStopRequest, superviseWorkers } from "./workers.ts";

export { findApp, defaultFile, describeSyntaxError, CliError, DEFAULT_FILES } from "./app-loader.ts";

type Command = "dev" | "run";

/** One option of the command line. */
interface CliOption {
  type: "string" | "boolean";
  /** The value's name in the help (string options). */
  arg?: string;
  help: string;
  /** The commands it applies to (default: both). */
  only?: Command;
  /** Not shown in the help (internal). */
  hidden?: boolean;
}

/** Every option of `fastapi-ts dev|run`, in the order the help lists them. */
export const CLI_OPTIONS = {
  host: { type: "string", arg: "HOST", help: "interface to bind (dev: 127.0.0.1, run: 0.0.0.0)" },
  port: { type: "string", arg: "PORT", help: "port to listen on (default: $PORT, else 8000; 0 picks a free one)" },
  app: { type: "string", arg: "NAME", help: "the export holding the app (default: app, api, or the only FastAPI export)" },
  "root-path": { type: "string", arg: "PREFIX", help: "the path prefix a proxy serves the app under, e.g. /api/v1" },
  workers: { type: "string", arg: "N", help: "worker processes sharing the port, one per core you give it (default 1)", only: "run" },
  "proxy-headers": { type: "boolean", help: "trust X-Forwarded-For/-Proto from --forwarded-allow-ips (the default)" },
  "no-proxy-headers": { type: "boolean", help: "ignore X-Forwarded-* headers" },
  "forwarded-allow-ips": { type: "string", arg: "IPS", help: "comma-separated proxy addresses to trust, or '*' (default: $FORWARDED_ALLOW_IPS, else 127.0.0.1)" },
  reload: { type: "boolean", help: "restart when a source file changes (the default of dev)", only: "dev" },
  "no-reload": { type: "boolean", help: "do not restart on changes", only: "dev" },
  ...LIMIT_OPTIONS,
  version: { type: "boolean", help: "print the versions of fastapi-ts and Node, and exit" },
  help: { type: "boolean", help: "show this help" },
  child: { type: "boolean", help: "internal: the process `dev` restarts on changes", hidden: true },
} as const satisfies Record<string, CliOption>;

type Values = { [K in keyof typeof CLI_OPTIONS]?: (typeof CLI_OPTIONS)[K]["type"] extends "string" ? string : boolean };

/** The help text, made from {@link CLI_OPTIONS}. */
export function usage(): string {
  const rows = Object.entries(CLI_OPTIONS as Record<string, CliOption>)
    .filter(([, o]) => !o.hidden)
    .map(([name, o]) => [`--${name}${o.arg ? ` ${o.arg}` : ""}`, `${o.help}${o.only ? ` [${o.only} only]` : ""}`] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    "Usage: fastapi-ts <dev|run> [file] [options]    fastapi-ts --version",
    "",
    "  dev   development server on 127.0.0.1:8000, restarts when a source file changes",
    "  run   production server on 0.0.0.0:8000",
    "  file  the module exporting the app (default: the first of main.ts, app.ts, api.ts, app/main.ts,",
    "        app/app.ts, app/api.ts, or the same names in .js)",
    "",
    "Options:",
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
  ].join("\n");
}

function positiveInt(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CliError(`--${name} must be a whole number ≥ ${min}, got '${value}'`);
  return n;
}

/** The options of `serve()` for a command line: the one place where a CLI option reaches the server. */
export function serveOptions(command: Command, values: Values): ServeOptions {
  const allow = values["forwarded-allow-ips"];
  return {
    host: values.host ?? (command === "dev" ? "127.0.0.1" : "0.0.0.0"),
    port: positiveInt(values.port ?? process.env.PORT, "port", 0) ?? 8000,
    rootPath: values["root-path"],
    proxyHeaders: !values["no-proxy-headers"],
    forwardedAllowIps: allow === undefined ? undefined : allow.trim() === "*" ? "*" : allow.split(",").map((s) => s.trim()).filter(Boolean),
    ...limitOptions(values),
  };
}

/** Parses a command line (without `node` and the script); errors are {@link CliError}s. */
export function parseCommandLine(argv: string[]): { command: Command | null; file: string | undefined; values: Values } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n\n${usage()}`);
  }
  const [command, file, extra] = parsed.positionals;
  const values = parsed.values as Values;
  if (extra !== undefined) throw new CliError(`Unexpected argument '${extra}': give one file\n\n${usage()}`);
  if (command !== "dev" && command !== "run") return { command: null, file, values };
  for (const [name, o] of Object.entries(CLI_OPTIONS as Record<string, CliOption>)) {
    if (o.only && o.only !== command && values[name as keyof Values] !== undefined) {
      throw new CliError(`--${name} applies to \`fastapi-ts ${o.only}\` only${name === "workers" ? " (dev restarts one process on changes; use `run --workers N`)" : ""}`);
    }
  }
  return { command, file, values };
}

/** Runs the CLI with arguments (without `node` and the script). */
export async function main(argv: string[]): Promise<void> {
  const { command, file: fileArg, values } = parseCommandLine(argv);
  if (values.version) {
    console.log(`fastapi-ts ${packageVersion()} (Node.js ${process.version})`);
    return;
  }
  if (values.help || command === null) {
    console.log(usage());
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const file = fileArg ? resolve(fileArg) : defaultFile();
  const options = serveOptions(command, values);
  const workers = positiveInt(values.workers, "workers", 1) ?? 1;

  if (command === "dev" && !values["no-reload"] && !values.child) return reloadOnChange(argv);

  if (workers > 1 && !isWorker()) {
    const code = await superviseWorkers({
      workers,
      onListening: ({ port }) => banner(command, file, `http://${shownHost(options.host!)}:${port}`, null, `${workers} workers`),
    });
    process.exit(code);
  }

  const app = await loadApp(file, values.app);
  const server = await serve(app, options);
  handleProcessFaults(server);
  if (!isWorker()) banner(command, file, server.url, app.settings.docsUrl === null ? null : app.settings.docsUrl ?? "/docs");
  let stopping = false;
  const stop = (signal: string, force: boolean): void => {
    if (stopping) {
      if (force) process.exit(1);
      return;
    }
    stopping = true;
    if (!isWorker()) console.log(`\n${signal} received: finishing in-flight requests…`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", () => stop("SIGINT", true));
  process.on("SIGTERM", () => stop("SIGTERM", true));
  if (isWorker()) onStopRequest(() => stop("stop", false));
}

/** The version in the package's package.json (two folders up from src/node/, dist/node/ and dist/chunks/). */
function packageVersion(): string {
  const manifest = readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8");
  return (JSON.parse(manifest) as { version: string }).version;
}

function shownHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
}

function banner(command: Command, file: string, url: string, docs: string | null, note?: string): void {
  console.log(`fastapi-ts ${command}: serving ${file}${note ? ` (${note})` : ""}`);
  console.log(`  Server: ${url}`);
  if (docs !== null) console.log(`  Docs:   ${url}${docs}`);
}

/** `dev`: the app runs in a child process that Node's `--watch` restarts when one of its files changes. */
function reloadOnChange(argv: string[]): void {
  // From src/node/, dist/node/ or dist/chunks/ (where the published bundle may put this module): one folder up.
  const bin = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "../node/bin.ts" : "../node/bin.js", import.meta.url));
  // The parent's own Node flags (e.g. --conditions) carry over to the child.
  const child = spawn(process.execPath, [...process.execArgv, "--watch", "--watch-preserve-output", bin, ...argv, "--child"], { stdio: "inherit" });
  const forward = (sig: NodeJS.Signals): void => void child.kill(sig);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code) => process.exit(code ?? 0));
}
