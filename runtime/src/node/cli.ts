#!/usr/bin/env node
/**
 * `fastapi-ts dev main.ts` (127.0.0.1, reloads on change) and `fastapi-ts run main.ts` (0.0.0.0): imports the file,
 * finds its exported `app` (or `--app name`), serves it, and shuts down cleanly on SIGINT/SIGTERM.
 * @packageDocumentation
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { FastAPI } from "../app.ts";
import { serve } from "./server.ts";
import { handleProcessFaults } from "./faults.ts";
import { limitArgs, limitFlags, limitOptions, limitUsage } from "./limitflags.ts";

const usage = `Usage: fastapi-ts <dev|run> [file] [--host HOST] [--port PORT] [--app NAME] [--root-path PREFIX] [--no-reload]

  dev   development server on 127.0.0.1:8000, restarts when a source file changes
  run   production server on 0.0.0.0:8000
  file  module exporting the app (default: main.ts, app.ts, app/main.ts)

Limits:
${limitUsage}`;

/** Finds the app exported by a module: `name`, else `app`, else the only FastAPI export. */
export function findApp(mod: Record<string, unknown>, name?: string): FastAPI {
  if (name) {
    const v = mod[name];
    if (!(v instanceof FastAPI)) throw new Error(`The module has no FastAPI app exported as '${name}'`);
    return v;
  }
  if (mod.app instanceof FastAPI) return mod.app;
  const apps = Object.values(mod).filter((v): v is FastAPI => v instanceof FastAPI);
  if (apps.length === 1) return apps[0]!;
  const dflt = mod.default;
  if (dflt instanceof FastAPI) return dflt;
  throw new Error("Could not find a FastAPI app: export it as `app` (export const app = new FastAPI())");
}

function defaultFile(): string {
  for (const f of ["main.ts", "app.ts", "app/main.ts", "main.js"]) if (existsSync(f)) return f;
  throw new Error("No file given and no main.ts / app.ts found");
}

/** Runs the CLI with arguments (without `node` and the script). */
export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { host: { type: "string" }, port: { type: "string" }, app: { type: "string" }, "root-path": { type: "string" }, "no-reload": { type: "boolean" }, child: { type: "boolean" }, help: { type: "boolean", short: "h" }, ...limitFlags },
  });
  const [command, fileArg] = positionals;
  if (values.help || (command !== "dev" && command !== "run")) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const file = resolve(fileArg ?? defaultFile());
  const host = values.host ?? (command === "dev" ? "127.0.0.1" : "0.0.0.0");
  const port = Number(values.port ?? process.env.PORT ?? 8000);
  if (command === "dev" && !values["no-reload"] && !values.child) {
    const args = ["--watch", "--watch-preserve-output", fileURLToPath(import.meta.url), "dev", file, "--host", host, "--port", String(port), "--child"];
    if (values.app) args.push("--app", values.app);
    if (values["root-path"]) args.push("--root-path", values["root-path"]);
    args.push(...limitArgs(values));
    const child = spawn(process.execPath, args, { stdio: "inherit" });
    const forward = (sig: NodeJS.Signals): void => void child.kill(sig);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code) => process.exit(code ?? 0));
    return;
  }
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const app = findApp(mod, values.app);
  const server = await serve(app, { host, port, rootPath: values["root-path"], ...limitOptions(values) });
  handleProcessFaults(server);
  const docs = app.settings.docsUrl === null ? null : app.settings.docsUrl ?? "/docs";
  console.log(`fastapi-ts ${command}: serving ${file}`);
  console.log(`  Server: ${server.url}`);
  if (docs) console.log(`  Docs:   ${server.url}${docs}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal} received: finishing in-flight requests…`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
