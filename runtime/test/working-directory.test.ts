import { afterEach, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  HostFileSystem,
  MemoryFileSystem,
  getDefaultFileSystem,
  isWritable,
  setDefaultFileSystem,
  workingDirectory,
  type FileSystem,
} from "../src/index.ts";

// An example that writes `log.txt` behaves as FastAPI's `open("log.txt", "w"/"a")`: on a server the file is on the
// disk, in the process's working directory, where a reader (or FastAPI's own tests) find it.
describe("workingDirectory", () => {
  afterEach(() => setDefaultFileSystem(null));

  it("is the host's disk on Node, relative to the process's working directory", async () => {
    const files = workingDirectory();
    expect(files).toBe(getDefaultFileSystem());
    expect(files).toBeInstanceOf(HostFileSystem);
    const name = `working-directory-test-${process.pid}.txt`;
    try {
      await files.writeFile(name, "notification for a@b.c");
      await files.appendFile(name, "\nApplication shutdown");
      expect(await readFile(join(process.cwd(), name), "utf8")).toBe("notification for a@b.c\nApplication shutdown");
      await files.writeFile(name, "replaced");
      expect(await files.readText(name)).toBe("replaced");
      expect(await files.removeFile(name)).toBe(true);
      expect(await files.removeFile(name)).toBe(false);
      expect(await files.stat(name)).toBeNull();
    } finally {
      await rm(join(process.cwd(), name), { force: true });
    }
  });

  it("writes, appends and removes absolute paths on the disk", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fastapi-ts-wd-"));
    try {
      const files = new HostFileSystem(process.getBuiltinModule("node:fs"));
      await writeFile(join(dir, "log.txt"), "a");
      await files.appendFile(join(dir, "log.txt"), new TextEncoder().encode("b"));
      expect(await readFile(join(dir, "log.txt"), "utf8")).toBe("ab");
      await expect(files.writeFile(join(dir, "missing", "log.txt"), "x")).rejects.toMatchObject({ code: "ENOENT" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is the default file system when one that can write is set", () => {
    const memory = new MemoryFileSystem();
    setDefaultFileSystem(memory);
    expect(workingDirectory()).toBe(memory);
  });

  it("falls back to one shared in-memory directory when the default cannot write (a browser has no disk)", async () => {
    const readOnly: FileSystem = {
      stat: async () => null,
      realpath: async (p) => p,
      read: () => new ReadableStream(),
      readText: async () => "",
    };
    setDefaultFileSystem(readOnly);
    const files = workingDirectory();
    expect(isWritable(readOnly)).toBe(false);
    expect(files).toBeInstanceOf(MemoryFileSystem);
    expect(workingDirectory()).toBe(files);
    await files.appendFile("log.txt", "one ");
    await files.appendFile("log.txt", "two");
    expect(await files.readText("log.txt")).toBe("one two");
    expect(await files.removeFile("log.txt")).toBe(true);
    expect(await files.stat("log.txt")).toBeNull();
  });
});

describe("MemoryFileSystem as a WritableFileSystem", () => {
  it("replaces with writeFile and appends bytes and text alike", async () => {
    const files = new MemoryFileSystem({ "log.txt": "old" });
    await files.writeFile("log.txt", "new");
    await files.appendFile("log.txt", new TextEncoder().encode("!"));
    expect(await files.readText("log.txt")).toBe("new!");
    await files.appendFile("dir/other.txt", "x");
    expect((await files.stat("dir"))?.isDirectory).toBe(true);
  });
});
