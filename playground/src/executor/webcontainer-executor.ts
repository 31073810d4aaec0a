// The WebContainer executor: the same files under real Node with a real HTTP server, in StackBlitz's
// WebContainer. The project is bundled in the page (the compiler worker both executors share); the
// container gets the bundle, a small server script and the vendor modules, so it never runs npm.
import { BridgedWebSocket, type AppSocket } from "../bridge/websocket.ts";
import { bootWebContainer } from "./boot-webcontainer.ts";
import type { ProjectCompiler } from "./compile-client.ts";
import { APP_FILE, containerApp, containerTree, parseReport, SERVER_FILE, type ContainerTree } from "./container-files.ts";
import type { LogLevel, VendorSources } from "./runner-protocol.ts";
import type { Executor, Problem, ProjectFiles, RunResult } from "./types.ts";

/** The part of a WebContainer process the executor uses. */
export interface ContainerProcess {
  readonly exit: Promise<number>;
  /** stdout and stderr, together. */
  readonly output: ReadableStream<string>;
  kill(): void;
}

/** The part of `WebContainer` (from `@webcontainer/api`) the executor uses; the tests' fake implements the same. */
export interface Container {
  mount(tree: ContainerTree): Promise<void>;
  readonly fs: { writeFile(path: string, data: string): Promise<void> };
  spawn(command: string, args: string[]): Promise<ContainerProcess>;
  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  teardown(): void;
}

/** Boots the container (the default, `bootWebContainer`, loads `@webcontainer/api` only when called). */
export type BootContainer = () => Promise<Container>;

export interface WebContainerExecutorOptions {
  /** Bundles the project (in the browser: the compiler worker). */
  compiler: ProjectCompiler;
  /** The vendor modules the container needs (`CONTAINER_VENDOR`), by file name. */
  vendor: () => Promise<VendorSources>;
  boot?: BootContainer;
  /** The origin requests come from (default: this page's); the server lets it read the answers (CORS). */
  pageOrigin?: string | null;
  /** How long the server may take from `node` starting to listening (default 20 s). */
  startTimeoutMs?: number;
  /** Receives the app's console output and anything else the process prints. */
  onLog?: (entry: { level: LogLevel; text: string }) => void;
  /** Told when the server stops after it was ready (a crash while handling a request). */
  onCrash?: (problem: Problem) => void;
}

/** One `node server.mjs` process and, once it listens, the URL that reaches it. */
interface Server {
  readonly process: ContainerProcess;
  url?: string;
  exited: boolean;
  /** Stopped on purpose (replaced or disposed): its exit is not a crash. */
  stopping: boolean;
}

type Started = { ok: true; url: string; openapiUrl: string | null; websockets: string[] } | { ok: false; problem: Problem };

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const STALE: RunResult = { ok: false, problems: [], stale: true };

/** Calls `onLine` for each line of a text stream. */
async function readLines(stream: ReadableStream<string>, onLine: (line: string) => void): Promise<void> {
  let rest = "";
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const lines = (rest + value).split(/\r?\n/);
      rest = lines.pop() ?? "";
      lines.forEach(onLine);
    }
  } catch {
    // The process went away mid-read; what was read has been passed on.
  }
  if (rest) onLine(rest);
}

export class WebContainerExecutor implements Executor {
  readonly name = "webcontainer" as const;
  private readonly options: WebContainerExecutorOptions;
  private readonly startTimeoutMs: number;
  private container?: Promise<Container>;
  private unsubscribe?: () => void;
  /** Ports the container reported ready, with the URL that reaches each. */
  private readonly ports = new Map<number, string>();
  private readonly portWatchers = new Set<() => void>();
  private current?: Server;
  private generation = 0;
  private disposed = false;

  constructor(options: WebContainerExecutorOptions) {
    this.options = options;
    this.startTimeoutMs = options.startTimeoutMs ?? 20_000;
  }

  /** Boots once and mounts the server and vendor modules; a failed boot is retried by the next run. */
  private ready(): Promise<Container> {
    this.container ??= (async () => {
      const container = await (this.options.boot ?? bootWebContainer)();
      this.unsubscribe = container.on("server-ready", (port, url) => {
        this.ports.set(port, url);
        this.portWatchers.forEach((watch) => watch());
      });
      const pageOrigin = this.options.pageOrigin === undefined ? (globalThis.location?.origin ?? null) : this.options.pageOrigin;
      await container.mount(containerTree(await this.options.vendor(), pageOrigin));
      return container;
    })();
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  async run(files: ProjectFiles, prebuilt?: string): Promise<RunResult> {
    if (this.disposed) return STALE;
    const started = performance.now();
    const generation = ++this.generation;
    let code = prebuilt;
    if (code === undefined) {
      const compiled = await this.options.compiler.build(files);
      if (compiled === "stale") return STALE;
      if (!compiled.ok) return { ok: false, problems: compiled.problems };
      code = compiled.code;
    }
    let container: Container;
    try {
      container = await this.ready();
    } catch (error) {
      return { ok: false, problems: [{ kind: "runtime", message: `The WebContainer could not start: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    if (generation !== this.generation) return STALE;
    await this.stopServer();
    await container.fs.writeFile(APP_FILE, containerApp(code));
    if (generation !== this.generation) return STALE;
    const outcome = await this.startServer(container);
    if (generation !== this.generation) return STALE;
    if (!outcome.ok) return { ok: false, problems: [outcome.problem] };
    let openapi: Record<string, unknown> | null = null;
    if (outcome.openapiUrl !== null) {
      const response = await fetch(new URL(outcome.openapiUrl, outcome.url));
      if (!response.ok) {
        return { ok: false, problems: [{ kind: "runtime", message: `The app's OpenAPI document (${outcome.openapiUrl}) answered ${response.status}: ${await response.text()}` }] };
      }
      openapi = (await response.json()) as Record<string, unknown>;
    }
    return { ok: true, openapi, openapiUrl: outcome.openapiUrl, websockets: outcome.websockets, durationMs: performance.now() - started };
  }

  /** Kills the running server and waits (briefly) for it to go, so that the next one can take its port. */
  private async stopServer(): Promise<void> {
    const server = this.current;
    this.current = undefined;
    if (!server || server.exited) return;
    server.stopping = true;
    server.process.kill();
    await Promise.race([server.process.exit, new Promise((resolve) => setTimeout(resolve, 2000))]);
  }

  private startServer(container: Container): Promise<Started> {
    const log = (level: LogLevel, text: string) => this.options.onLog?.({ level, text });
    return container.spawn("node", [SERVER_FILE]).then(
      (process) =>
        new Promise<Started>((resolve) => {
          const server: Server = { process, exited: false, stopping: false };
          this.current = server;
          let listening: { port: number; openapiUrl: string | null; websockets: string[] } | undefined;
          let failure: Problem | undefined;
          let settled = false;
          /** The last lines the process printed that were not reports: the stack of a crash. */
          const recent: string[] = [];
          const settle = (outcome: Started) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            this.portWatchers.delete(checkReady);
            if (outcome.ok) server.url = outcome.url;
            resolve(outcome);
          };
          const checkReady = () => {
            const url = listening && this.ports.get(listening.port);
            if (listening && url) settle({ ok: true, url, openapiUrl: listening.openapiUrl, websockets: listening.websockets });
          };
          const timer = setTimeout(() => {
            settle({ ok: false, problem: { kind: "timeout", message: `The app's server did not start listening within ${this.startTimeoutMs / 1000} s, so it was stopped.` } });
            server.stopping = true;
            process.kill();
          }, this.startTimeoutMs);
          this.portWatchers.add(checkReady);

          void readLines(process.output, (line) => {
            const report = parseReport(line);
            if (!report) {
              const text = line.replace(ANSI, "");
              if (!text.trim()) return;
              recent.push(text);
              if (recent.length > 30) recent.shift();
              log("log", text);
            } else if (report.type === "log") {
              log(report.level, report.text);
            } else if (report.type === "failed") {
              failure = report.problem;
            } else {
              listening = report;
              checkReady();
            }
          });

          void process.exit.then((code) => {
            server.exited = true;
            const problem: Problem = failure ?? {
              kind: "runtime",
              message: `The app's server stopped (exit code ${code})${settled ? "" : " before it was listening"}.`,
              ...(recent.length ? { stack: recent.join("\n") } : {}),
            };
            if (!settled) settle({ ok: false, problem });
            else if (!server.stopping && this.current === server) this.options.onCrash?.(problem);
          });
        }),
      (error: unknown) => ({ ok: false, problem: { kind: "runtime", message: `node could not start in the WebContainer: ${String(error)}` } }),
    );
  }

  /** Forwards the request to the server, keeping its path and query and replacing its origin. */
  async fetch(request: Request): Promise<Response> {
    const server = this.current;
    if (!server?.url || server.exited) throw new Error("The app is not running: edit the code or press Run");
    const from = new URL(request.url);
    const target = new URL(from.pathname + from.search, server.url);
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
    return fetch(target, { method: request.method, headers: request.headers, body, signal: request.signal });
  }

  /** Opens a real websocket to the server: the container's Node serves it with the runtime's `ws` adapter. */
  websocket(url: string, protocols: string[] = []): AppSocket {
    const server = this.current;
    if (!server?.url || server.exited) {
      return BridgedWebSocket.unreachable(url, "The app is not running: edit the code or press Run");
    }
    const from = new URL(url);
    const target = new URL(from.pathname + from.search, server.url);
    target.protocol = target.protocol === "https:" ? "wss:" : "ws:";
    return new WebSocket(target, protocols);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    const server = this.current;
    this.current = undefined;
    if (server && !server.exited) {
      server.stopping = true;
      server.process.kill();
    }
    this.unsubscribe?.();
    void this.container?.then((container) => container.teardown(), () => {});
  }
}
