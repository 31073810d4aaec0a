import { setHostFileSystemFactory, type FileStat, type WritableFileSystem } from "./filesystem.ts";

/** The part of Node's `fs` module used here (Node, Deno and Bun provide it). */
interface FsModule {
  promises: {
    stat(path: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean; isDirectory(): boolean }>;
    realpath(path: string): Promise<string>;
    readFile(path: string, encoding: "utf8"): Promise<string>;
    writeFile(path: string, data: string | Uint8Array): Promise<void>;
    appendFile(path: string, data: string | Uint8Array): Promise<void>;
    unlink(path: string): Promise<void>;
  };
  createReadStream(path: string, options?: { start?: number; end?: number }): AsyncIterable<Uint8Array> & { destroy(): void };
}

/** A {@link WritableFileSystem} over a host's `fs` module; relative paths are taken from the process's working directory. */
export class HostFileSystem implements WritableFileSystem {
  readonly #fs: FsModule;
  constructor(fs: FsModule) {
    this.#fs = fs;
  }

  async stat(path: string): Promise<FileStat | null> {
    try {
      const s = await this.#fs.promises.stat(path);
      return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  realpath(path: string): Promise<string> {
    return this.#fs.promises.realpath(path);
  }

  read(path: string, start?: number, end?: number): ReadableStream<Uint8Array> {
    if (end !== undefined && end <= (start ?? 0)) return new ReadableStream({ start: (c) => c.close() });
    let stream: (AsyncIterable<Uint8Array> & { destroy(): void }) | undefined;
    let it: AsyncIterator<Uint8Array> | undefined;
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (!it) {
          stream = this.#fs.createReadStream(path, { start, end: end === undefined ? undefined : end - 1 });
          it = stream[Symbol.asyncIterator]();
        }
        const r = await it.next();
        if (r.done) controller.close();
        else controller.enqueue(new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.byteLength));
      },
      cancel: () => {
        stream?.destroy();
      },
    });
  }

  readText(path: string): Promise<string> {
    return this.#fs.promises.readFile(path, "utf8");
  }

  writeFile(path: string, content: string | Uint8Array): Promise<void> {
    return this.#fs.promises.writeFile(path, content);
  }

  appendFile(path: string, content: string | Uint8Array): Promise<void> {
    return this.#fs.promises.appendFile(path, content);
  }

  async removeFile(path: string): Promise<boolean> {
    try {
      await this.#fs.promises.unlink(path);
      return true;
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }
}

function isMissing(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "ENAMETOOLONG";
}

/** The host's `fs` module, found without a static import (so browser bundles stay free of Node built-ins). */
function hostFs(): FsModule | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as FsModule | undefined;
  return fs && fs.promises && typeof fs.createReadStream === "function" ? fs : null;
}

setHostFileSystemFactory(() => {
  const fs = hostFs();
  return fs ? new HostFileSystem(fs) : null;
});
