/**
 * The abuse suite's server: the real CLI (`fastapi-ts run abuse/fixture.ts`) in a child process on 127.0.0.1, so a
 * crash is a process exit the test sees, and memory is the server's own (`/_memory` reports the child's RSS).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../src/node/bin.ts", import.meta.url));
const fixture = fileURLToPath(new URL("./fixture.ts", import.meta.url));

/** A running CLI server. */
export interface AbuseServer {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** The temporary directory the server was given (`TMPDIR`): its upload spool lives there. */
  readonly tmp: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves once the output matches `re` (rejects after `ms`). */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** The child's exit code once it exits (`null` for a signal). */
  exited(): Promise<number | null>;
  /** The server's current and peak resident memory, in bytes. */
  memory(): Promise<{ rss: number; maxRss: number }>;
  /** Kills the child (if still running) and removes its temporary directory. */
  stop(): Promise<void>;
}

/** Starts the fixture with `fastapi-ts run`, with extra CLI flags and environment. */
export async function startServer(options: { args?: string[]; env?: Record<string, string> } = {}): Promise<AbuseServer> {
  const tmp = mkdtempSync(join(tmpdir(), "fastapi-ts-abuse-"));
  const child = spawn(process.execPath, [cli, "run", fixture, "--host", "127.0.0.1", "--port", "0", ...(options.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TMPDIR: tmp, ...options.env },
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = (re: RegExp, ms = 20_000) => new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(re);
      if (m) done(() => resolve(m));
      else if (child.exitCode !== null) done(() => reject(new Error(`the server exited (${child.exitCode}) before printing ${re}:\n${out}`)));
    }, 20);
    const limit = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${re}; output:\n${out}`))), ms);
    const done = (then: () => void) => {
      clearInterval(timer);
      clearTimeout(limit);
      then();
    };
  });
  const [, url] = await waitFor(/Server: (http:\/\/127\.0\.0\.1:\d+)/);
  return {
    url: url!, port: Number(new URL(url!).port), child, tmp,
    output: () => out,
    waitFor,
    exited: () => exit,
    memory: async () => (await (await fetch(`${url}/_memory`)).json()) as { rss: number; maxRss: number },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exit;
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** An HTTP exchange over a raw socket: what was received until the server closed, or `ms` passed. */
export function raw(port: number, request: string | Uint8Array, ms = 5000): Promise<{ text: string; status: number | null; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: m ? Number(m[1]) : null, closed });
    };
    const timer = setTimeout(finish, ms);
    socket.on("data", (d) => chunks.push(d));
    socket.on("close", () => {
      closed = true;
      finish();
    });
    socket.on("error", () => {});
  });
}

/** The body of a raw HTTP/1.1 response (after the blank line), chunked encoding undone when complete. */
export function bodyOf(text: string): string {
  return text.slice(text.indexOf("\r\n\r\n") + 4);
}

/** Answers `GET /health` with 200? (A normal request after each probe: the server still serves.) */
export async function healthy(server: AbuseServer): Promise<boolean> {
  const r = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5000) });
  return r.status === 200 && ((await r.json()) as { ok: boolean }).ok === true;
}

export const MiB = 1024 * 1024;

/**
 * Sends a request head, then `bodyBytes` of body in 1 MiB pieces (chunked when `chunked`), and stops sending
 * as soon as the server answers, as a well-behaved client does: the answer's status, or `null` if none came. A
 * server that refuses early may close the connection while the body is still on its way; the answer is read anyway.
 */
export function sendUntilAnswered(port: number, head: string, bodyBytes: number, chunked = false): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let answered = false;
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve(m ? Number(m[1]) : null);
    };
    const timer = setTimeout(finish, 20_000);
    socket.on("data", (d: Buffer) => {
      text += d.toString("latin1");
      answered = true;
      if (text.includes("\r\n\r\n")) finish();
    });
    socket.on("close", finish);
    socket.on("error", () => {});
    socket.on("connect", async () => {
      const piece = Buffer.alloc(MiB, "a");
      const write = (data: string | Buffer) => new Promise<void>((done) => socket.write(data, () => done()));
      await write(head);
      for (let sent = 0; sent < bodyBytes && !answered && !socket.destroyed; sent += MiB) {
        const n = Math.min(MiB, bodyBytes - sent);
        const data = piece.subarray(0, n);
        await write(chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), data, Buffer.from("\r\n")]) : data);
      }
      if (chunked && !answered && !socket.destroyed) await write("0\r\n\r\n");
    });
  });
}
