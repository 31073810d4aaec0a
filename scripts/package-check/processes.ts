/**
 * Processes for the package check: one-shot commands, servers started and probed over HTTP, and their clean stop.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { cleanEnv } from "./runtimes.ts";

/** Runs a command to its end, with stdout and stderr together. */
export function run(cmd: string, args: string[], cwd: string, env = cleanEnv()): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** The bytes under a path. */
export function size(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, e) => n + size(join(path, e)), 0);
}

/** A port free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Stops a server started in its own process group: SIGTERM, then SIGKILL after 3 s. */
export function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch { /* gone */ }
  setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch { /* gone */ }
  }, 3000).unref();
}

/**
 * Starts a server command in `cwd`, waits for `GET /items/1` to answer 200, and sends SIGTERM to its process group
 * (as a terminal's Ctrl-C or a container stop reaches every process). Resolves with whether it stopped cleanly: the
 * CLI said it was finishing in-flight requests, and the command exited with 0 (or, through `npx`, whose npm
 * process dies of the forwarded signal, by SIGTERM).
 */
export async function startAndProbe(command: string[], cwd: string, env: NodeJS.ProcessEnv, port: number): Promise<boolean> {
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<boolean>((resolve) => child.on("exit", (code, signal) => resolve((code === 0 || signal === "SIGTERM") && /SIGTERM received/.test(output))));
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${output}`);
    if (performance.now() > deadline) {
      stop(child);
      throw new Error(`no answer within 60 s:\n${output}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/items/1`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => stop(child), 10_000);
  const clean = await exited;
  clearTimeout(timer);
  return clean;
}
