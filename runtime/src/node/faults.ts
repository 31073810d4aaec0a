/**
 * Faults of user code that escape every request: a promise nobody awaited that rejects, a throw in a timer. Node
 * exits on both by default, taking every in-flight request with it. Here they are logged with the request they
 * came from (known through an `AsyncLocalStorage` the adapter enters per request), and the server keeps serving:
 *
 * - an unhandled rejection, anywhere: logged, serving goes on (no code was cut off halfway by it);
 * - an uncaught exception raised while a request (its handler, dependencies, background tasks and the timers they
 *   started) was running: logged with that request, serving goes on; only that request's work was cut short;
 * - an uncaught exception outside any request (a timer of the module or the lifespan, an `error` event of a shared
 *   client nobody listens to): logged, then the server shuts down gracefully and the process exits with code 1, so
 *   the process manager (systemd, Docker, Kubernetes…) starts a fresh one. Node documents that state is not safe
 *   to reuse after such an exception, and outside a request no single request owns what was cut off.
 * @packageDocumentation
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Request } from "../request.ts";

const current = new AsyncLocalStorage<Request>();

/** Runs `fn` (and everything it starts) as part of `request`, so faults can name it. */
export function runInRequest<T>(request: Request, fn: () => T): T {
  return current.run(request, fn);
}

/** The request whose code is running, if any. */
export function currentRequest(): Request | undefined {
  return current.getStore();
}

/** `GET /path`, for log lines. */
export function describe(request: Request): string {
  return `${request.method} ${request.rawPath}`;
}

/** What a server offers {@link handleProcessFaults}: a graceful stop. */
export interface Stoppable {
  close(): Promise<void>;
}

/**
 * Installs the process-wide `unhandledRejection` and `uncaughtException` handlers described above (the CLI does;
 * call it yourself when you `serve()` from your own script). Returns a function removing them.
 */
export function handleProcessFaults(server: Stoppable, options: { exit?: (code: number) => void } = {}): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onRejection = (reason: unknown): void => {
    const request = currentRequest();
    console.error(`Unhandled promise rejection${request ? ` while handling ${describe(request)}` : ""} (the server keeps serving):`, reason);
  };
  const onException = (error: unknown): void => {
    const request = currentRequest();
    if (request) {
      console.error(`Uncaught exception while handling ${describe(request)} (the server keeps serving):`, error);
      return;
    }
    console.error("Uncaught exception outside any request: shutting down so that a fresh process takes over (exit code 1):", error);
    if (stopping) return;
    stopping = true;
    server.close().then(() => exit(1), () => exit(1));
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
