// The page's side of the compiler worker (esbuild-wasm, started once), shared by both executors.
import { BuildMemo } from "./build-memo.ts";
import type { CompileResult } from "./compile.ts";
import type { CompilerRequest, CompilerResponse } from "./compiler.worker.ts";
import type { ExampleDocs } from "../project/example.ts";
import { whenIdle } from "./timing.ts";
import { sameFiles, type ProjectFiles } from "./types.ts";

/** The longest a kept bundle or its documents wait for an idle page before they are written anyway. */
const MEMO_IDLE_MS = 1000;
/** Bundles of the reader's files the compiler makes for nothing before the first edit (compiler.worker.ts). */
const WARM_UP_BUILDS = 4;

/** Bundles projects for an executor. `build` answers `"stale"` when a newer build was asked for meanwhile. */
export interface ProjectCompiler {
  /** Bundles `main.ts` for a run. */
  build(files: ProjectFiles): Promise<CompileResult | "stale">;
  /** Starts bundling `files` for a run that is about to ask for them (`build` with the same files takes it). */
  prepare(files: ProjectFiles): void;
  /** Bundles another entry (a test file); never stale. */
  buildEntry(files: ProjectFiles, entry: string): Promise<CompileResult>;
  /** Starts the bundler ahead of the first build, and exercises it on `files` (the project about to be edited). */
  warm(files?: ProjectFiles): void;
  dispose(): void;
}

/**
 * {@link ProjectCompiler} over the compiler worker, which loads esbuild's wasm from `wasmUrl`. Builds for runs
 * never queue up behind each other: while one is in the worker, only the latest request waits, and the ones
 * it replaced answer "stale" at once (a reader typing asks for a build per pause, and only the last matters).
 */
export class CompilerClient implements ProjectCompiler {
  private worker?: Worker;
  private runId = 0;
  /** Entry builds count down from -1, so they never make a run's build look stale. */
  private entryId = 0;
  private readonly pending = new Map<number, (response: CompilerResponse) => void>();
  private readonly wasmUrl: string;
  private building = false;
  private waiting?: { id: number; files: ProjectFiles; answer: (result: CompileResult | "stale") => void };
  /** A build started ahead of the run that will ask for it (see `prepare`). */
  private prepared?: { files: ProjectFiles; result: Promise<CompileResult | "stale"> };

  /** Bundles made on earlier visits (in the browser): a kept draft runs without booting esbuild first. */
  private readonly memo: BuildMemo | undefined;
  /** Memo writes waiting for an idle page (see `keep`). */
  private readonly unkept: (() => void)[] = [];

  constructor(wasmUrl: string) {
    this.wasmUrl = wasmUrl;
    // This module's URL names the compiler: built, it is a content-hashed chunk that embeds the compiler worker's
    // hashed URL, so any change to the compiler (or to esbuild) makes a new name and older bundles are not reused.
    this.memo = typeof localStorage === "undefined" ? undefined : new BuildMemo(localStorage, `${import.meta.url} ${wasmUrl}`);
    if (typeof addEventListener === "function") addEventListener("pagehide", this.keepNow);
  }

  /**
   * Writes to the memo once the page is idle (the run and Swagger UI's update go first; a storage write is
   * synchronous), or as the page is left: a reload right after a run still finds its bundle.
   */
  private keep(write: (memo: BuildMemo) => void): void {
    const memo = this.memo;
    if (!memo) return;
    if (!this.unkept.length) whenIdle(this.keepNow, MEMO_IDLE_MS);
    this.unkept.push(() => write(memo));
  }

  private readonly keepNow = (): void => {
    for (const write of this.unkept.splice(0)) write();
  };

  private send(id: number, files?: ProjectFiles, entry?: string, warmUp?: number): Promise<CompilerResponse> {
    if (!this.worker) {
      this.worker = new Worker(new URL("./compiler.worker.ts", import.meta.url), { type: "module", name: "fastapi-ts compiler" });
      this.worker.onmessage = (event: MessageEvent<CompilerResponse>) => {
        this.pending.get(event.data.id)?.(event.data);
        this.pending.delete(event.data.id);
      };
    }
    const request: CompilerRequest = { id, wasmUrl: this.wasmUrl, ...(files ? { files } : {}), ...(entry ? { entry } : {}), ...(warmUp ? { warmUp } : {}) };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker!.postMessage(request);
    });
  }

  warm(files?: ProjectFiles): void {
    void this.send(0, files, undefined, files ? WARM_UP_BUILDS : undefined).then(({ warmUpBuilds }) => {
      // Read by the e2e test of the warm-up.
      if (warmUpBuilds !== undefined) performance.mark("compiler:warmed-up", { detail: { builds: warmUpBuilds } });
    });
  }

  /**
   * Perf: a reader's keystroke asks for a build at once, and the pause before the run (RERUN_DEBOUNCE_MS) then
   * finds it made, or under way on the compiler's thread: the bundle (~50–90 ms in Chromium on a 2-core machine)
   * no longer follows the pause but overlaps it. A keystroke before the build is done replaces it as the one
   * waiting (at most one build runs and one waits), so typing queues nothing.
   */
  prepare(files: ProjectFiles): void {
    // Counted by the e2e test that a run takes its keystroke's build rather than asking for another.
    performance.mark("compiler:prepare");
    this.prepared = { files, result: this.request(files) };
  }

  build(files: ProjectFiles): Promise<CompileResult | "stale"> {
    const prepared = this.prepared;
    this.prepared = undefined;
    const result = prepared && sameFiles(prepared.files, files) ? prepared.result : this.request(files);
    // Kept for the next visit (BuildMemo) once a run takes it (see `keep`). Builds no run took (keystrokes
    // overtaken) are not kept.
    return result.then((built) => {
      if (built !== "stale" && built.ok) this.keep((memo) => memo.set(files, built.code));
      return built;
    });
  }

  /** A build of `files`, answered "stale" if a newer one is asked for before it is done. */
  private request(files: ProjectFiles): Promise<CompileResult | "stale"> {
    performance.mark("compiler:request");
    const id = ++this.runId;
    const kept = this.memo?.get(files);
    if (kept !== undefined) {
      this.waiting?.answer("stale");
      this.waiting = undefined;
      return Promise.resolve({ ok: true, code: kept });
    }
    if (!this.building) return this.buildNow(id, files);
    this.waiting?.answer("stale");
    return new Promise((answer) => (this.waiting = { id, files, answer }));
  }

  private async buildNow(id: number, files: ProjectFiles): Promise<CompileResult | "stale"> {
    this.building = true;
    // Counted by the e2e test that types faster than esbuild builds: only the latest request may reach it.
    performance.mark("compiler:build");
    try {
      const { result } = await this.send(id, files);
      return id === this.runId ? result : "stale";
    } finally {
      this.building = false;
      const next = this.waiting;
      this.waiting = undefined;
      if (next) void this.buildNow(next.id, next.files).then(next.answer);
    }
  }

  /** The documents the app of these files served when its kept bundle last ran (BuildMemo). */
  keptDocs(files: ProjectFiles): ExampleDocs | undefined {
    return this.memo?.getDocs(files);
  }

  /** Keeps what the app of these files serves, beside its bundle, for the next visit (see `keep`). */
  keepDocs(files: ProjectFiles, docs: ExampleDocs): void {
    this.keep((memo) => memo.setDocs(files, docs));
  }

  async buildEntry(files: ProjectFiles, entry: string): Promise<CompileResult> {
    return (await this.send(--this.entryId, files, entry)).result;
  }

  dispose(): void {
    this.keepNow();
    if (typeof removeEventListener === "function") removeEventListener("pagehide", this.keepNow);
    this.waiting?.answer("stale");
    this.waiting = undefined;
    this.worker?.terminate();
    this.worker = undefined;
  }
}
