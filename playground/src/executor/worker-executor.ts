// The default executor: esbuild-wasm in a long-lived compiler worker, each version of the app in a
// fresh app worker inside the sandbox frame, requests over a MessagePort. Works offline, over plain
// http, in every browser.
import { AppWorker } from "./app-worker.ts";
import type { CompilerRequest, CompilerResponse } from "./compiler.worker.ts";
import { PROVIDED_MODULES } from "./compile.ts";
import type { LogLevel, VendorSources } from "./runner-protocol.ts";
import { VENDOR_WASM_FILES } from "./vendor-wasm.ts";
import { defaultWorkerHost, type WorkerHost } from "./sandbox.ts";
import type { Executor, Problem, ProjectFiles, RunResult, TestRunResult } from "./types.ts";

export interface WorkerExecutorOptions {
  /** Absolute URL of the folder holding fastapi-ts.js, zod.js and esbuild.wasm (the site's `vendor/`). */
  vendorUrl: string;
  /** URL of the sandbox frame page (`panes/sandbox.html`). */
  sandboxUrl: string;
  /** Where app workers start; by default the sandbox frame. */
  host?: WorkerHost;
  /** How long the app may stay silent (starting, or answering a request) before the watchdog stops it. */
  watchdogMs?: number;
  /** Receives the app's console output. */
  onLog?: (entry: { level: LogLevel; text: string }) => void;
  /** Told when the watchdog stopped the app. */
  onCrash?: (problem: Problem) => void;
}

export class WorkerExecutor implements Executor {
  readonly name = "worker" as const;
  private compiler?: Worker;
  private compileId = 0;
  /** Test builds count down from -1, so they never make a run's build look stale. */
  private testCompileId = 0;
  private readonly compiles = new Map<number, (response: CompilerResponse) => void>();
  private current?: AppWorker;
  private spare?: AppWorker;
  private watchdog?: ReturnType<typeof setInterval>;
  private readonly watchdogMs: number;
  private readonly options: WorkerExecutorOptions;
  private readonly host: WorkerHost;
  private vendor?: Promise<VendorSources>;

  constructor(options: WorkerExecutorOptions) {
    this.options = options;
    this.watchdogMs = options.watchdogMs ?? 2000;
    this.host = options.host ?? defaultWorkerHost(options.sandboxUrl);
  }

  /**
   * The runtime's and zod's source (and the other provided modules', with the wasm they need), fetched
   * once from our origin and handed to every app worker.
   */
  private vendorSources(): Promise<VendorSources> {
    const load = async <T>(file: string, read: (response: Response) => Promise<T>) => {
      const response = await fetch(new URL(file, this.options.vendorUrl));
      if (!response.ok) throw new Error(`${file} did not load (${response.status})`);
      return [file, await read(response)] as const;
    };
    this.vendor ??= Promise.all([
      Promise.all(Object.values(PROVIDED_MODULES).map((file) => load(file, (r) => r.text()))),
      Promise.all(VENDOR_WASM_FILES.map((file) => load(file, (r) => r.arrayBuffer()))),
    ]).then(([modules, wasm]) => ({ modules: Object.fromEntries(modules), wasm: Object.fromEntries(wasm) }));
    return this.vendor;
  }

  private newAppWorker(): AppWorker {
    return new AppWorker(this.host, this.vendorSources(), { onLog: this.options.onLog });
  }

  private compile(files?: ProjectFiles, entry?: string): Promise<CompilerResponse> {
    if (!this.compiler) {
      this.compiler = new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module", name: "fastapi-ts compiler" });
      this.compiler.onmessage = (event: MessageEvent<CompilerResponse>) => {
        this.compiles.get(event.data.id)?.(event.data);
        this.compiles.delete(event.data.id);
      };
    }
    const id = !files ? 0 : entry ? --this.testCompileId : ++this.compileId;
    const request: CompilerRequest = { id, wasmUrl: new URL("esbuild.wasm", this.options.vendorUrl).href, ...(files ? { files } : {}), ...(entry ? { entry } : {}) };
    return new Promise((resolve) => {
      this.compiles.set(id, resolve);
      this.compiler!.postMessage(request);
    });
  }

  /** Starts esbuild ahead of the first edit. */
  warmCompiler(): void {
    void this.compile();
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

    const next = this.spare ?? this.newAppWorker();
    this.spare = undefined;
    this.current?.kill("The app was replaced by a newer version");
    this.current = next;
    this.startWatchdog(next);
    const ran = await next.start(code);
    // Keep a warm worker ready for the next edit.
    this.spare ??= this.newAppWorker();
    if (ran === "stopped") return { ok: false, problems: [this.stuckProblem("starting")] };
    if (!ran.ok) return { ok: false, problems: [ran.problem] };
    return { ok: true, openapi: ran.openapi, openapiUrl: ran.openapiUrl, durationMs: performance.now() - started };
  }

  /**
   * Runs `main.test.ts` in a worker of its own (the running app is left alone), under the same
   * watchdog: a test that loops forever is stopped like an app that does.
   */
  async test(files: ProjectFiles, entry = "main.test.ts"): Promise<TestRunResult> {
    if (!(entry in files)) return { ok: false, problems: [{ kind: "build", message: `This project has no ${entry}` }] };
    const compiled = await this.compile(files, entry);
    if (!compiled.result.ok) return { ok: false, problems: compiled.result.problems };
    const worker = this.newAppWorker();
    const watchdog = setInterval(async () => {
      if (worker.dead || !worker.busy) return;
      if (!(await worker.ping(this.watchdogMs)) && !worker.dead) worker.kill("stuck");
    }, 500);
    try {
      const outcome = await worker.test(compiled.result.code);
      if (outcome === "stopped") return { ok: false, problems: [this.stuckProblem("running the tests")] };
      if (outcome.type === "test-failed") return { ok: false, problems: [outcome.problem] };
      return { ok: true, results: outcome.results };
    } finally {
      clearInterval(watchdog);
      worker.kill("done");
    }
  }

  private stuckProblem(doing: "starting" | "handling a request" | "running the tests"): Problem {
    return {
      kind: "timeout",
      message: `The app stopped responding for ${this.watchdogMs / 1000} s while ${doing} (an endless loop?), so it was stopped. Edit the code or run it again.`,
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
      const problem = this.stuckProblem(app.handlingRequests ? "handling a request" : "starting");
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
    if (!this.current || this.current.dead) return Promise.reject(new Error("The app is not running: edit the code or press Run"));
    return this.current.fetch(request);
  }

  dispose(): void {
    this.stopWatchdog();
    this.current?.kill("disposed");
    this.spare?.kill("disposed");
    this.compiler?.terminate();
    this.host.dispose();
  }
}
