// One app worker serves all the live examples of a page: running one example replaces the last.
import type { ProjectFiles, RunResult, TestRunResult } from "./types.ts";
import { WorkerExecutor } from "./worker-executor.ts";

export class PageRunner {
  /** The example whose app runs now. */
  owner = $state<string>();
  private executor?: WorkerExecutor;
  private readonly siteUrl: string;

  constructor(siteUrl: string) {
    this.siteUrl = siteUrl;
  }

  private get worker(): WorkerExecutor {
    this.executor ??= new WorkerExecutor({
      vendorUrl: new URL("vendor/", this.siteUrl).href,
    });
    return this.executor;
  }

  run(owner: string, files: ProjectFiles, prebuilt?: string): Promise<RunResult> {
    this.owner = owner;
    return this.worker.run(files, prebuilt);
  }

  /** Starts bundling an edited example's files for the run a pause in the typing will ask for. */
  prepare(files: ProjectFiles): void {
    this.worker.prepare(files);
  }

  /** Starts the bundler for an example about to be edited (its `files`), ahead of the first edit. */
  warm(files?: ProjectFiles): void {
    this.worker.warmCompiler(files);
  }

  /** Runs an example's main.test.ts in a worker of its own; the running app is left alone. */
  test(files: ProjectFiles): Promise<TestRunResult> {
    return this.worker.test(files);
  }

  fetch(owner: string, request: Request): Promise<Response> {
    if (this.owner !== owner) return Promise.reject(new Error("Another example on this page is running now: press Run again"));
    return this.worker.fetch(request);
  }

  dispose(): void {
    this.executor?.dispose();
    this.executor = undefined;
    this.owner = undefined;
  }
}
