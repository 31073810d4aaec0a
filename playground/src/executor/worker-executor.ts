// The default executor: esbuild-wasm in a long-lived compiler worker, each version of the app in a
// fresh app worker, requests over postMessage. Works offline, over plain http, in every browser.
import { requestToWire, wireToResponse } from "../bridge/http.ts";
import type { CompilerRequest, CompilerResponse } from "./compiler.worker.ts";
import { linkBundle, PROVIDED_MODULES } from "./compile.ts";
import type { RunnerRequest, RunnerResponse } from "./runner-protocol.ts";
import type { Executor, Problem, ProjectFiles, RunResult } from "./types.ts";

export interface WorkerExecutorOptions {
  /** Absolute URL of the folder holding fastapi-ts.js, zod.js and esbuild.wasm (the site's `vendor/`). */
  vendorUrl: string;
  /** How long the app may stay silent (starting, or answering a request) before the watchdog stops it. */
  watchdogMs?: number;
  /** Receives the app's console output. */
  onLog?: (entry: { level: string; text: string }) => void;
  /** Told when the watchdog stopped the app. */
  onCrash?: (problem: Problem) => void;
}

type Pending = { resolve: (response: Response) => void; reject: (error: Error) => void };

/** One running version of the app, in its own worker. */
class AppWorker {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  private ran?: (message: RunnerResponse & { type: "ran" }) => void;
  private pongs = new Map<number, () => void>();
  private nextId = 1;
  private starting = false;
  private onKilled: (() => void) | undefined;
  dead = false;
  private readonly options: WorkerExecutorOptions;

  constructor(vendorUrl: string, options: WorkerExecutorOptions) {
    this.options = options;
    this.worker = new Worker(new URL("./runner.worker.ts", import.meta.url), { type: "module", name: "fastapi-ts app" });
    this.worker.onmessage = (event: MessageEvent<RunnerResponse>) => this.receive(event.data);
    const vendorUrls = ["fastapi-ts", "zod"].map((name) => new URL(PROVIDED_MODULES[name]!, vendorUrl).href);
    this.post({ type: "warm", vendorUrls });
  }

  private post(message: RunnerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private receive(message: RunnerResponse): void {
    switch (message.type) {
      case "ran":
        this.ran?.(message);
        break;
      case "fetched":
        this.pending.get(message.id)?.resolve(wireToResponse(message.response));
        this.pending.delete(message.id);
        break;
      case "fetch-failed":
        this.pending.get(message.id)?.reject(new Error(message.problem.message));
        this.pending.delete(message.id);
        break;
      case "pong":
        this.pongs.get(message.id)?.();
        this.pongs.delete(message.id);
        break;
      case "log":
        this.options.onLog?.({ level: message.level, text: message.text });
        break;
    }
  }

  /** Runs the bundle; resolves with the worker's answer, or "timeout" if the watchdog stopped it first. */
  start(code: string): Promise<(RunnerResponse & { type: "ran" }) | "timeout"> {
    this.starting = true;
    return new Promise((resolve) => {
      this.onKilled = () => resolve("timeout");
      this.ran = (message) => {
        this.starting = false;
        this.onKilled = undefined;
        resolve(message);
      };
      this.post({ type: "run", code });
    });
  }

  /** Whether the app has work in flight, so that silence would mean it is stuck. */
  get busy(): boolean {
    return this.starting || this.pending.size > 0;
  }

  async fetch(request: Request): Promise<Response> {
    if (this.dead) throw new Error("The app was stopped");
    const id = this.nextId++;
    const wire = await requestToWire(request);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: "fetch", id, request: wire }, wire.body ? [wire.body] : []);
    });
  }

  /** Resolves true if the worker's event loop answers within `timeoutMs`. */
  ping(timeoutMs: number): Promise<boolean> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.pongs.set(id, () => {
        clearTimeout(timer);
        resolve(true);
      });
      this.post({ type: "ping", id });
    });
  }

  kill(reason: string): void {
    this.dead = true;
    this.worker.terminate();
    this.onKilled?.();
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }
}

export class WorkerExecutor implements Executor {
  readonly name = "worker" as const;
  private compiler?: Worker;
  private compileId = 0;
  private compiles = new Map<number, (response: CompilerResponse) => void>();
  private current?: AppWorker;
  private spare?: AppWorker;
  private watchdog?: ReturnType<typeof setInterval>;
  private readonly watchdogMs: number;
  private readonly options: WorkerExecutorOptions;

  constructor(options: WorkerExecutorOptions) {
    this.options = options;
    this.watchdogMs = options.watchdogMs ?? 2000;
  }

  private compile(files?: ProjectFiles): Promise<CompilerResponse> {
    if (!this.compiler) {
      this.compiler = new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module", name: "fastapi-ts compiler" });
      this.compiler.onmessage = (event: MessageEvent<CompilerResponse>) => {
        this.compiles.get(event.data.id)?.(event.data);
        this.compiles.delete(event.data.id);
      };
    }
    const id = files ? ++this.compileId : -1;
    const request: CompilerRequest = { id, wasmUrl: new URL("esbuild.wasm", this.options.vendorUrl).href, ...(files ? { files } : {}) };
    return new Promise((resolve) => {
      this.compiles.set(id, resolve);
      this.compiler!.postMessage(request);
    });
  }

  /** Starts esbuild ahead of the first edit. */
  warmCompiler(): void {
    void this.compile();
  }

  private takeWorker(): AppWorker {
    const worker = this.spare ?? new AppWorker(this.options.vendorUrl, this.options);
    this.spare = undefined;
    return worker;
  }

  async run(files: ProjectFiles, prebuilt?: string): Promise<RunResult> {
    const started = performance.now();
    let code = prebuilt;
    if (code === undefined) {
      const id = this.compileId + 1;
      const compiled = await this.compile(files);
      // A newer run started while this one compiled: it wins.
      if (id !== this.compileId) return { ok: false, problems: [] };
      if (!compiled.result.ok) return { ok: false, problems: compiled.result.problems };
      code = compiled.result.code;
    }

    const next = this.takeWorker();
    this.current?.kill("The app was replaced by a newer version");
    this.current = next;
    this.startWatchdog(next);
    const ran = await next.start(linkBundle(code, this.options.vendorUrl));
    // Keep a warm worker ready for the next edit.
    this.spare ??= new AppWorker(this.options.vendorUrl, this.options);
    if (ran === "timeout") return { ok: false, problems: [this.stuckProblem("starting")] };
    if (!ran.ok) return { ok: false, problems: [ran.problem] };
    return { ok: true, openapi: ran.openapi, durationMs: performance.now() - started };
  }

  private stuckProblem(doing: "starting" | "handling a request"): Problem {
    const seconds = this.watchdogMs / 1000;
    return {
      kind: "timeout",
      message: `The app stopped responding for ${seconds} s while ${doing} (an endless loop?), so it was stopped. Edit the code to run it again.`,
    };
  }

  /** While the app starts or handles requests it must keep answering pings; one that does not is stopped. */
  private startWatchdog(app: AppWorker): void {
    this.stopWatchdog();
    let checking = false;
    this.watchdog = setInterval(async () => {
      if (app.dead || !app.busy || checking) return;
      checking = true;
      const alive = await app.ping(this.watchdogMs);
      checking = false;
      if (alive || app.dead) return;
      const problem = this.stuckProblem(app.busy && app.pending.size ? "handling a request" : "starting");
      this.stopWatchdog();
      app.kill(problem.message);
      this.options.onCrash?.(problem);
    }, 250);
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  fetch(request: Request): Promise<Response> {
    if (!this.current || this.current.dead) return Promise.reject(new Error("The app is not running"));
    return this.current.fetch(request);
  }

  dispose(): void {
    this.stopWatchdog();
    this.current?.kill("disposed");
    this.spare?.kill("disposed");
    this.compiler?.terminate();
  }
}
