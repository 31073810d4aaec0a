// The playground's running app, as the panes see it: which executor runs it (a Worker, or a
// WebContainer where one boots), the state of its last run, its log, and one way to reach it.
// Playground.svelte owns the files and the page; this owns the app.
import type { AppSocket } from "../bridge/websocket.ts";
import { fallbackNotice, probeWebContainer, type ExecutorName, type WebContainerAvailability } from "./choose.ts";
import { CompilerClient } from "./compile-client.ts";
import type { LogLevel } from "./runner-protocol.ts";
import type { Executor, Problem, ProjectFiles, TestRunResult } from "./types.ts";
import type { ExampleDocs } from "../project/example.ts";
import { fetchVendorSources } from "./vendor-sources.ts";
import { WorkerExecutor } from "./worker-executor.ts";

/** One line of the app's console output. */
export interface LogEntry {
  level: LogLevel;
  text: string;
  at: number;
}

/** Where the app's last run stands: `waiting` is untrusted code the reader has not chosen to run. */
export type RunStatus = "idle" | "waiting" | "running" | "ok" | "error";

export interface AppSessionOptions {
  /** Absolute URL of the site's root, where vendor/ and panes/ are. */
  siteUrl: string;
  /** The executor a share link asked for; the WebContainer runs only where it is available. */
  preferredExecutor?: ExecutorName;
}

export class AppSession {
  status = $state<RunStatus>("idle");
  /** The app's OpenAPI document after its last good run (null: it serves none). */
  // Raw: a document is replaced whole, never changed in place, and a deep proxy of it cost every reader of it
  // (the comparison below, the panes) a walk through proxies on each edit.
  spec = $state.raw<Record<string, unknown> | null>(null);
  problems = $state<Problem[]>([]);
  logs = $state<LogEntry[]>([]);
  lastRunMs = $state<number>();
  websocketPaths = $state<string[]>([]);
  /** Counts the app's good runs: the browser pane reloads its page on each. */
  generation = $state(0);
  /** The executor the app runs in now. */
  running = $state<ExecutorName>("worker");
  /** Whether a WebContainer can run here (undefined while that is being found out). */
  webcontainer = $state<WebContainerAvailability>();
  /** Why the executor a link asked for is not the one running. */
  executorNotice = $state<string>();

  private readonly options: AppSessionOptions;
  private readonly compiler: CompilerClient;
  private readonly worker: WorkerExecutor;
  // The WebContainer executor, while the reader runs in it; tests always run in the Worker executor.
  private container?: Executor;
  private runs = 0;
  private disposed = false;

  constructor(options: AppSessionOptions) {
    this.options = options;
    this.compiler = new CompilerClient(this.url("vendor/esbuild.wasm"));
    this.worker = new WorkerExecutor({
      compiler: this.compiler,
      vendorUrl: this.url("vendor/"),
      onLog: this.onLog,
      onCrash: this.onCrash,
    });
  }

  private url(path: string): string {
    return new URL(path, this.options.siteUrl).href;
  }

  /** Finds out whether a WebContainer can run here, and honours a link's wish for one. */
  start(): void {
    void this.probe().then(() => {
      if (this.options.preferredExecutor !== "webcontainer" || !this.webcontainer) return;
      if (this.webcontainer.available) void this.switchExecutor("webcontainer");
      else this.executorNotice = fallbackNotice(this.webcontainer.reason);
    });
  }

  /** Resolves once the app worker has its code (see WorkerExecutor.started). */
  started(): Promise<void> {
    return this.worker.started();
  }

  /** Starts bundling `files` for the run a pause in the typing will ask for (CompilerClient.prepare). */
  prepare(files: ProjectFiles): void {
    this.compiler.prepare(files);
  }

  /** Starts esbuild ahead of the first edit, exercised on `files` (the project about to be edited). */
  warmCompiler(files?: ProjectFiles): void {
    this.worker.warmCompiler(files);
  }

  /**
   * Shows the documents the site built for these files while their app starts: the panes render at once,
   * and requests wait for the app (see WorkerExecutor.fetch).
   */
  showDocs(docs: ExampleDocs): void {
    // A plain copy: the page may hand over its own (proxied) state, and the panes post the document to frames.
    this.spec = $state.snapshot(docs.openapi);
    this.websocketPaths = docs.websockets;
  }

  /**
   * Shows the documents these files' app served when it last ran in this browser (a kept draft reopened), if kept;
   * says whether it had them.
   */
  showKeptDocs(files: ProjectFiles): boolean {
    const kept = this.compiler.keptDocs(files);
    if (kept) this.showDocs(kept);
    return kept !== undefined;
  }

  /** Builds and runs `files` (or `bundle`, made ahead of time); a later run supersedes this one. */
  async run(files: ProjectFiles, bundle?: string): Promise<void> {
    const id = ++this.runs;
    this.status = "running";
    const result = await (this.container ?? this.worker).run(files, bundle);
    if (id !== this.runs || this.disposed || (!result.ok && result.stale)) return;
    if (result.ok) {
      // Built here (not the site's prebuilt bundle): its documents are kept beside its bundle, for the next visit.
      if (bundle === undefined) this.compiler.keepDocs(files, { openapi: result.openapi, openapiUrl: result.openapiUrl, websockets: result.websockets });
      // The same document as the one shown (the site built it for these files) leaves the panes alone.
      if (JSON.stringify(result.openapi) !== JSON.stringify(this.spec)) this.spec = result.openapi;
      this.websocketPaths = result.websockets;
      this.generation++;
      this.problems = [];
      this.lastRunMs = Math.round(result.durationMs);
      this.status = "ok";
    } else {
      this.problems = result.problems;
      this.status = "error";
    }
  }

  /** Sends a request to the running app. */
  fetch(request: Request): Promise<Response> {
    return (this.container ?? this.worker).fetch(request);
  }

  /** Opens a websocket to the running app. */
  websocket(url: string, protocols: string[]): AppSocket {
    return (this.container ?? this.worker).websocket(url, protocols);
  }

  /** Runs the project's main.test.ts, in the Worker executor whichever runs the app. */
  test(files: ProjectFiles): Promise<TestRunResult> {
    return this.worker.test(files);
  }

  clearLog(): void {
    this.logs = [];
  }

  /** Runs the app in the other executor from now on; `files` is run there at once. */
  async switchExecutor(to: ExecutorName, files?: ProjectFiles): Promise<void> {
    if (to === "webcontainer" && this.webcontainer?.available) {
      const booted = this.webcontainer.container;
      const [{ WebContainerExecutor }, { CONTAINER_VENDOR }] = await Promise.all([
        import("./webcontainer-executor.ts"),
        import("./container-files.ts"),
      ]);
      this.container = new WebContainerExecutor({
        compiler: this.compiler,
        vendor: () => fetchVendorSources(this.url("vendor/"), CONTAINER_VENDOR),
        boot: async () => booted,
        onLog: this.onLog,
        onCrash: this.onCrash,
      });
    } else if (to === "worker" && this.container) {
      // Disposing the WebContainer executor tears its container down: boot a new one to offer it again.
      this.container.dispose();
      this.container = undefined;
      void this.probe();
    } else return;
    this.running = to;
    if (files) void this.run(files);
  }

  dispose(): void {
    this.disposed = true;
    this.worker.dispose();
    if (this.container) this.container.dispose();
    else if (this.webcontainer?.available) this.webcontainer.container.teardown();
  }

  // Both executors report to the same log and problem list.
  private readonly onLog = (entry: { level: LogLevel; text: string }) => {
    this.logs.push({ ...entry, at: Date.now() });
  };
  private readonly onCrash = (problem: Problem) => {
    this.problems = [problem];
    this.status = "error";
  };

  /** Whether a WebContainer can run here; only a cross-origin isolated page loads and boots one. */
  private probe(): Promise<void> {
    this.webcontainer = undefined;
    return probeWebContainer({ isolated: globalThis.crossOriginIsolated === true }).then((answer) => {
      // A container that booted after the reader left is let go at once.
      if (this.disposed && answer.available) answer.container.teardown();
      else this.webcontainer = answer;
    });
  }
}
