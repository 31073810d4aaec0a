/**
 * `fastapi-ts run --workers N`: N processes serving the same port through `node:cluster`, so that an app uses more
 * than one core (one Node process runs JavaScript on one). The primary process only supervises: it starts the
 * workers, replaces one that dies, and on SIGINT/SIGTERM asks each to finish its in-flight requests and waits.
 * @module
 */
import cluster, { type Worker } from "node:cluster";

/** What the primary prints and does. */
export interface SupervisorOptions {
  /** Number of worker processes (≥ 1). */
  workers: number;
  /** Called once, when every worker listens, with the address they listen on. */
  onListening: (address: { host: string; port: number }) => void;
  /** Where the supervisor's own lines go (default `console.log`). */
  log?: (line: string) => void;
}

/** Whether this process is a worker started by {@link superviseWorkers} (it then serves the app itself). */
export function isWorker(): boolean {
  return cluster.isWorker;
}

/** The message the primary sends a worker to make it stop gracefully (a signal could reach it twice). */
export const STOP_MESSAGE = "fastapi-ts:stop";

/**
 * In a worker: calls `stop` when the primary asks. A Ctrl-C in a terminal reaches every process of the group, so
 * a worker gets the signal itself and the primary's request too; `stop` must treat the second as a no-op.
 */
export function onStopRequest(stop: () => void): void {
  process.on("message", (message) => {
    if (message === STOP_MESSAGE) stop();
  });
}

/**
 * Runs in the primary: forks the workers (each re-runs the CLI with the same arguments, and serves) and keeps
 * them running until a signal stops them all. Resolves with the exit code once every worker has exited.
 */
export function superviseWorkers(options: SupervisorOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  let stopping = false;
  let exitCode = 0;
  let listening = false;
  let started = 0;
  let failedStarts = 0;
  const live = new Set<Worker>();

  const fork = (): void => {
    const worker = cluster.fork();
    live.add(worker);
    worker.once("listening", (address) => {
      failedStarts = 0;
      if (!listening && ++started === options.workers) {
        listening = true;
        options.onListening({ host: address.address ?? "0.0.0.0", port: address.port });
      }
    });
  };

  return new Promise<number>((resolve) => {
    cluster.on("exit", (worker, code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) resolve(exitCode);
        return;
      }
      // Workers that die before they all listened (the app fails to load, the port is taken) would die again:
      // give up instead of restarting forever.
      if (!listening && ++failedStarts >= options.workers) {
        log(`fastapi-ts: the workers could not start (last exit: ${signal ?? `code ${code}`}); stopping`);
        stopping = true;
        exitCode = 1;
        for (const w of live) w.kill("SIGTERM");
        if (live.size === 0) resolve(exitCode);
        return;
      }
      log(`fastapi-ts: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
      fork();
    });
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        // A second signal: stop now.
        for (const worker of live) worker.process.kill("SIGKILL");
        process.exit(1);
      }
      stopping = true;
      log(`\n${signal} received: stopping ${live.size} worker(s) after their in-flight requests…`);
      for (const worker of live) worker.send(STOP_MESSAGE);
      if (live.size === 0) resolve(0);
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
    for (let i = 0; i < options.workers; i++) fork();
  });
}
