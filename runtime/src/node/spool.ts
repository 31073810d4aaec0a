/**
 * Temporary files for large uploads (Starlette's `SpooledTemporaryFile` past 1 MiB): one private folder per process
 * in the OS temporary directory, one file per uploaded part, removed after the response (and the folder at exit).
 * @packageDocumentation
 */
import { randomUUID } from "node:crypto";
import { openAsBlob, rmSync } from "node:fs";
import { mkdtemp, open, unlink, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SpoolFile, Spooler } from "../forms/spool.ts";

let folder: Promise<string> | undefined;

function uploadsFolder(): Promise<string> {
  return (folder ??= mkdtemp(join(tmpdir(), "fastapi-ts-uploads-")).then((dir) => {
    // Files of requests still in flight when the process ends go with the folder.
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }));
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length;) {
    const { bytesWritten } = await handle.write(chunk, at, chunk.length - at);
    at += bytesWritten;
  }
}

/** The Node adapter's {@link Spooler}: each file part past the threshold goes to a temporary file (mode 0600). */
export const nodeSpooler: Spooler = {
  async create(): Promise<SpoolFile> {
    const path = join(await uploadsFolder(), randomUUID());
    const handle = await open(path, "wx", 0o600);
    let closed = false;
    let removed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      write: (chunk) => writeAll(handle, chunk),
      async finish(type) {
        await close();
        return openAsBlob(path, { type });
      },
      async discard() {
        if (removed) return;
        removed = true;
        await close().catch(() => {});
        await unlink(path).catch(() => {});
      },
    };
  },
};
