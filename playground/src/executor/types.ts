/** A project: file name → contents. `main.ts` is the entry and exports `app`. */
export type ProjectFiles = Record<string, string>;

/** Whether two projects have the same files with the same contents. */
export function sameFiles(a: ProjectFiles, b: ProjectFiles): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/** Where a compile or run problem is, in the user's files. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  lineText?: string;
}

/** A problem shown to the reader: bundling errors, exceptions while the app starts, a runaway app. */
export interface Problem {
  kind: "build" | "runtime" | "timeout";
  message: string;
  location?: SourceLocation;
  stack?: string;
}

/** What a run produces: the app's OpenAPI document, or the problems that stopped it. */
export type RunResult =
  | {
      ok: true;
      openapi: Record<string, unknown> | null;
      openapiUrl: string | null;
      /** The paths of the app's websocket endpoints (OpenAPI does not list them). */
      websockets: string[];
      durationMs: number;
    }
  /** `stale`: a newer run started meanwhile and replaces this one (no problems to show). */
  | { ok: false; problems: Problem[]; stale?: true };

/** Something that can run a project and answer HTTP requests to it: a Worker, or a WebContainer. */
export interface Executor {
  readonly name: "worker" | "webcontainer";
  /**
   * Builds and starts the project, replacing what ran before. `prebuilt` is the project's bundle made
   * ahead of time (at site build), which spares the first run the in-browser bundler.
   */
  run(files: ProjectFiles, prebuilt?: string): Promise<RunResult>;
  /** Sends a request to the running app. */
  fetch(request: Request): Promise<Response>;
  /** Opens a websocket to the running app (`url`'s path and query pick the endpoint). */
  websocket(url: string, protocols?: string[]): import("../bridge/websocket.ts").AppSocket;
  /** Stops everything this executor started. */
  dispose(): void;
}

/** What a test run produces: each test's result, or the problems that stopped the run. */
export type TestRunResult =
  | { ok: true; results: import("../testing/vitest-shim.ts").TestResult[] }
  | { ok: false; problems: Problem[] };
