// A stand-in for StackBlitz's WebContainer (which needs their servers) made of real things in Node:
// `mount` and `fs.writeFile` write a real temporary directory, `spawn` starts a real child process, and
// `server-ready` fires when that process really accepts connections on loopback. It implements exactly
// the surface the WebContainer executor uses (`Container`).
import { spawn as spawnChild, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import type { ContainerTree } from "../container-files.ts";
import type { Container, ContainerProcess } from "../webcontainer-executor.ts";

/** A free loopback port, found by letting the OS pick one. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), answer(true)));
    socket.once("error", () => answer(false));
  });
}

export class FakeWebContainer implements Container {
  /** Every process spawned, for tests to check what is still alive. */
  readonly children: ChildProcess[] = [];
  readonly fs = { writeFile: (path: string, data: string) => this.write(path, data) };
  private readonly listeners = new Set<(port: number, url: string) => void>();
  private tornDown = false;

  /** The container's working directory, a real temporary directory. */
  readonly workdir: string;

  private constructor(workdir: string) {
    this.workdir = workdir;
  }

  /** Like `WebContainer.boot()`: a fresh, empty working directory. */
  static async boot(): Promise<FakeWebContainer> {
    return new FakeWebContainer(await mkdtemp(join(tmpdir(), "fake-webcontainer-")));
  }

  private inside(path: string): string {
    const full = resolve(this.workdir, path.replace(/^\/+/, ""));
    if (full !== this.workdir && !full.startsWith(this.workdir + sep)) throw new Error(`${path} is outside the container`);
    return full;
  }

  private async write(path: string, data: string): Promise<void> {
    const full = this.inside(path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data);
  }

  async mount(tree: ContainerTree, at = ""): Promise<void> {
    for (const [name, node] of Object.entries(tree)) {
      if ("file" in node) await this.write(join(at, name), node.file.contents);
      else await this.mount(node.directory, join(at, name));
    }
  }

  /**
   * Starts `command` in the working directory. As a WebContainer gives each project its own network,
   * the process gets a free loopback port to use (`PORT`, `HOST`); `server-ready` fires once it listens.
   */
  async spawn(command: string, args: string[]): Promise<ContainerProcess> {
    if (this.tornDown) throw new Error("The container was torn down");
    const port = await freePort();
    const child = spawnChild(command === "node" ? process.execPath : command, args, {
      cwd: this.workdir,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.children.push(child);
    const exit = new Promise<number>((resolveExit) => child.once("close", (code, signal) => resolveExit(code ?? (signal ? 128 + 15 : 1))));
    let open = 2;
    const output = new ReadableStream<string>({
      start(controller) {
        for (const stream of [child.stdout!, child.stderr!]) {
          stream.setEncoding("utf8");
          stream.on("data", (chunk: string) => controller.enqueue(chunk));
          stream.once("end", () => --open === 0 && controller.close());
        }
      },
    });
    void this.watchPort(port, child);
    return { exit, output, kill: () => void child.kill() };
  }

  /** Polls the process's port until it accepts a connection, then tells the listeners. */
  private async watchPort(port: number, child: ChildProcess): Promise<void> {
    while (child.exitCode === null && child.signalCode === null && !this.tornDown) {
      if (await accepts(port)) {
        this.listeners.forEach((listener) => listener(port, `http://127.0.0.1:${port}`));
        return;
      }
      await new Promise((wait) => setTimeout(wait, 25));
    }
  }

  on(event: "server-ready", listener: (port: number, url: string) => void): () => void {
    if (event !== "server-ready") throw new Error(`The fake WebContainer has no "${event}" event`);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  teardown(): void {
    this.tornDown = true;
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill();
    void rm(this.workdir, { recursive: true, force: true });
  }
}
