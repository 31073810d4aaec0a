// The default executor: esbuild-wasm in a long-lived compiler worker, each version of the app in a
// fresh app worker inside the sandbox frame, requests over a MessagePort. Works offline, over plain
// http, in every browser.
import { AppWorker } from "./app-worker.ts";
import { BridgedWebSocket, type AppSocket } from "../bridge/websocket.ts";
import { CompilerClient, type ProjectCompiler } from "./compile-client.ts";
import { CORE_VENDOR, vendorModulesOf } from "./compile.ts";
import type { LogLevel, WorkerVendor } from "./runner-protocol.ts";
import { fetchVendorSources, fetchVendorWasm } from "./vendor-sources.ts";
import { VENDOR_WASM_OF } from "./vendor-wasm.ts";
import { whenIdle } from "./timing.ts";
import { defaultWorkerHost, type WorkerHost } from "./sandbox.ts";
import { BundleStacks } from "./stack.ts";
import type { Executor, Problem, ProjectFiles, RunResult, TestRunResult } from "./types.ts";

export interface WorkerExecutorOptions {
  /** Absolute URL of the folder holding fastapi-ts.js, zod.js and esbuild.wasm (the site's `vendor/`). */
  vendorUrl: string;
  /** Where app workers start; by default the sandbox frame. */
  host?: WorkerHost;
  /** How long the app may stay silent (starting, or answering a request) before the watchdog stops it. */
  watchdogMs?: number;
  /** Receives the app's console output, its stacks mapped to the project's files. */
  onLog?: (entry: { level: LogLevel; text: string }) => void;
  /** Told when the watchdog stopped the app. */
  onCrash?: (problem: Problem) => void;
  /** Bundles projects; by default a compiler worker of its own (pass one to share it with another executor). */
  compiler?: ProjectCompiler;
}

/**
 * Perf: how many app workers wait, loaded, for the next runs. A fresh worker costs ~130 ms of its own thread to
 * evaluate zod and the runtime and ~150 ms more of V8's compiler threads (2-core machine, Chromium; traces of
 * edits, 2026-12-06). With one spare made as the last run ended, an edit typed soon after waited for it (7 of 17
 * edits typed back to back), and its loading competed with Swagger UI's update for the two cores. Two spares,
 * loaded one after the other once the page is idle, give each run a worker that loaded while nothing else ran:
 * edit → Swagger UI 529 → 431 ms (medians of 24 edits, builds alternated; bench/README.md).
 */
const SPARE_WORKERS = 2;
/** How long a spare waits for the page to be idle, at most. */
const SPARE_IDLE_MS = 500;

export class WorkerExecutor implements Executor {
  readonly name = "worker" as const;
  private readonly compiler: ProjectCompiler;
  private current?: AppWorker;
  /** Loaded app workers for the next runs, oldest first (see SPARE_WORKERS). */
  private readonly spares: AppWorker[] = [];
  /** Whether a spare is loading: the next one starts after it, not beside it. */
  private topping = false;
  private disposed = false;
  private watchdog?: ReturnType<typeof setInterval>;
  private readonly watchdogMs: number;
  private readonly options: WorkerExecutorOptions;
  private readonly host: WorkerHost;
  private core?: Promise<WorkerVendor>;
  private readonly vendorModules = new Map<string, Promise<string>>();
  private readonly vendorBinaries = new Map<string, Promise<ArrayBuffer>>();
  /** Maps stacks from the running app's bundle to the project's files. */
  private stacks?: BundleStacks;
  /** Counts runs: a run that a newer one overtook stops where it is. */
  private runs = 0;
  /** Settles once the current app worker has run its code: requests wait for it (a reader quicker than the worker). */
  private booting: Promise<unknown> = Promise.resolve();

  constructor(options: WorkerExecutorOptions) {
    this.options = options;
    this.watchdogMs = options.watchdogMs ?? 2000;
    this.host = options.host ?? defaultWorkerHost();
    this.compiler = options.compiler ?? new CompilerClient(new URL("esbuild.wasm", options.vendorUrl).href);
  }

  /** The runtime's and zod's source, fetched once from our origin and handed to every app worker. */
  private vendorSources(): Promise<WorkerVendor> {
    this.core ??= this.vendorFor([...CORE_VENDOR]);
    return this.core;
  }

  /**
   * The provided modules in `files` (and the binaries they instantiate), each fetched once, when a
   * bundle first imports it: a first visit does not pay for SQLite or the test library it may never use.
   */
  private async vendorFor(files: string[]): Promise<WorkerVendor> {
    const { vendorUrl } = this.options;
    const once = <T>(cache: Map<string, Promise<T>>, file: string, load: () => Promise<T>): Promise<T> => {
      let loading = cache.get(file);
      if (!loading) cache.set(file, (loading = load()));
      return loading;
    };
    const binaries = files.flatMap((file) => VENDOR_WASM_OF[file] ?? []);
    const [modules, wasm] = await Promise.all([
      Promise.all(files.map(async (file) => [file, await once(this.vendorModules, file, async () => (await fetchVendorSources(vendorUrl, [file]))[file]!)] as const)),
      Promise.all(binaries.map(async (file) => [file, await once(this.vendorBinaries, file, async () => (await fetchVendorWasm(vendorUrl, [file]))[file]!)] as const)),
    ]);
    return { modules: Object.fromEntries(modules), wasm: Object.fromEntries(wasm) };
  }

  /** Gives `worker` the provided modules `code` imports beyond zod and the runtime. */
  private async supply(worker: AppWorker, code: string): Promise<void> {
    const extra = vendorModulesOf(code).filter((file) => !CORE_VENDOR.includes(file));
    if (extra.length) worker.addVendor(await this.vendorFor(extra));
  }

  /** `stacks` gives the mapper for the code the worker will run (by default the current app's, read when a line arrives). */
  private newAppWorker(stacks: () => BundleStacks | undefined = () => this.stacks): AppWorker {
    const onLog = this.options.onLog;
    return new AppWorker(this.host, this.vendorSources(), {
      onLog: onLog && ((entry) => onLog({ ...entry, text: stacks()?.mapText(entry.text).text ?? entry.text })),
    });
  }

  /**
   * Resolves once the app worker of the latest run has been started and handed its code: from then on
   * its thread does the work, and the page's main thread is free for other loading (Swagger UI's script).
   */
  started(): Promise<void> {
    // One worker for the first run; the second spare waits until that run is done (topUp), not to slow it.
    if (!this.current && !this.spares.length) this.spares.push(this.newAppWorker());
    return (this.current ?? this.spares[0]!).started.catch(() => {});
  }

  /** Starts a spare app worker if fewer than SPARE_WORKERS wait, and another once that one has loaded. */
  private topUp(): void {
    if (this.disposed || this.topping || this.spares.length >= SPARE_WORKERS) return;
    const spare = this.newAppWorker();
    this.spares.push(spare);
    this.topping = true;
    void spare.ready.then(() => {
      // Counted by the e2e test that runs in a row find their workers loaded.
      if (!spare.dead) performance.mark("executor:spare-loaded");
      this.topping = false;
      this.topUp();
    });
  }

  /** Starts bundling `files` for the run a pause in the typing will ask for (CompilerClient.prepare). */
  prepare(files: ProjectFiles): void {
    this.compiler.prepare(files);
  }

  /** Starts esbuild ahead of the first edit, exercised on `files` (the project about to be edited). */
  warmCompiler(files?: ProjectFiles): void {
    this.compiler.warm(files);
  }

  async run(files: ProjectFiles, prebuilt?: string): Promise<RunResult> {
    if (this.current) return this.runNext(files, prebuilt);
    // The first app: a request sent while it is being built or handed its code waits for it too (the page shows
    // the built document before it asks for the first run).
    let resolve!: () => void;
    this.booting = new Promise<void>((settle) => (resolve = settle));
    try {
      return await this.runNext(files, prebuilt);
    } finally {
      resolve();
    }
  }

  private async runNext(files: ProjectFiles, prebuilt?: string): Promise<RunResult> {
    const started = performance.now();
    const id = ++this.runs;
    let code = prebuilt;
    if (code === undefined) {
      const compiled = await this.compiler.build(files);
      // A newer run started while this one compiled: it wins.
      if (compiled === "stale" || id !== this.runs) return { ok: false, problems: [], stale: true };
      if (!compiled.ok) return { ok: false, problems: compiled.problems };
      code = compiled.code;
    }

    const next = this.spares.shift() ?? this.newAppWorker();
    try {
      await this.supply(next, code);
    } catch (error) {
      this.spares.unshift(next);
      return { ok: false, problems: [{ kind: "runtime", message: `A library the app imports did not load: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    if (id !== this.runs) {
      this.spares.unshift(next);
      return { ok: false, problems: [], stale: true };
    }
    this.current?.kill("The app was replaced by a newer version");
    this.current = next;
    const stacks = (this.stacks = new BundleStacks(code));
    this.startWatchdog(next);
    // Counted by the e2e test of fast typing (one app start per edit that was not overtaken), and read by the one
    // of runs in a row (each found its worker loaded).
    performance.mark("executor:app-start", { detail: { loaded: next.loaded } });
    const starting = next.start(code);
    this.booting = starting;
    const ran = await starting;
    // Workers for the next edits, loaded once Swagger UI has taken this run's document (see SPARE_WORKERS).
    whenIdle(() => this.topUp(), SPARE_IDLE_MS);
    if (ran === "stopped") return { ok: false, problems: [this.stuckProblem("starting")] };
    if (!ran.ok) return { ok: false, problems: [stacks.locate(ran.problem)] };
    return { ok: true, openapi: ran.openapi, openapiUrl: ran.openapiUrl, websockets: ran.websockets, durationMs: performance.now() - started };
  }

  /**
   * Runs `main.test.ts` in a worker of its own (the running app is left alone), under the same
   * watchdog: a test that loops forever is stopped like an app that does.
   */
  async test(files: ProjectFiles, entry = "main.test.ts"): Promise<TestRunResult> {
    if (!(entry in files)) return { ok: false, problems: [{ kind: "build", message: `This project has no ${entry}` }] };
    const compiled = await this.compiler.buildEntry(files, entry);
    if (!compiled.ok) return { ok: false, problems: compiled.problems };
    const stacks = new BundleStacks(compiled.code);
    const worker = this.newAppWorker(() => stacks);
    try {
      await this.supply(worker, compiled.code);
    } catch (error) {
      worker.kill("done");
      return { ok: false, problems: [{ kind: "runtime", message: `A library the tests import did not load: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    const watchdog = setInterval(async () => {
      if (worker.dead || !worker.busy) return;
      if (!(await worker.ping(this.watchdogMs)) && !worker.dead) worker.kill("stuck");
    }, 500);
    try {
      const outcome = await worker.test(compiled.code);
      if (outcome === "stopped") return { ok: false, problems: [this.stuckProblem("running the tests")] };
      if (outcome.type === "test-failed") return { ok: false, problems: [stacks.locate(outcome.problem)] };
      // Each failure's stack, from the bundle to the reader's files: the pane names the failing line.
      const results = outcome.results.map((result) => (result.error ? { ...result, error: stacks.locate(result.error) } : result));
      return { ok: true, results };
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

  websocket(url: string, protocols: string[] = []): AppSocket {
    if (!this.current || this.current.dead) {
      return BridgedWebSocket.unreachable(url, "The app is not running: edit the code or press Run");
    }
    return this.current.websocket(url, protocols);
  }

  /** Sends a request to the app; one sent while the app's worker is still starting waits for it. */
  async fetch(request: Request): Promise<Response> {
    await this.booting;
    if (!this.current || this.current.dead) throw new Error("The app is not running: edit the code or press Run");
    return this.current.fetch(request);
  }

  dispose(): void {
    this.stopWatchdog();
    this.current?.kill("disposed");
    this.disposed = true;
    for (const spare of this.spares.splice(0)) spare.kill("disposed");
    this.compiler.dispose();
    this.host.dispose();
  }
}
