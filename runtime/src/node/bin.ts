#!/usr/bin/env node
/**
 * The `fastapi-ts` command. Checks the Node version before loading anything else (the CLI's modules would fail on
 * an old Node in ways that do not say why), then runs the CLI.
 * @module
 */
import "../node-version.ts";

const { main, CliError } = await import("./cli.ts");
main(process.argv.slice(2)).catch((e: unknown) => {
  // A CliError says what to change in the command or the file; anything else is a bug worth its stack.
  console.error(e instanceof CliError ? e.message : e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
