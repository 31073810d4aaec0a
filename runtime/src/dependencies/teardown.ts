import { BackgroundTasks } from "../background.ts";
import type { Request } from "../request.ts";
import type { Response } from "../responses.ts";
import type { DependencyScope } from "./depends.ts";

/** A generator dependency that has yielded: its code after `yield` is still to run. */
export interface Teardown {
  gen: AsyncGenerator<unknown, unknown, unknown> | Generator<unknown, unknown, unknown>;
  scope: DependencyScope;
  name: string;
}

/**
 * A server error raised by fastapi-ts itself, e.g. when a dependency with `yield` caught the handler's exception
 * without raising it again (the request cannot be answered as a success: it gets a 500).
 */
export class FastAPIError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FastAPIError";
  }
}

type Failure = { error: unknown } | undefined;

/** Runs one generator's exit code, throwing `failure` into it at its `yield`; returns the failure that remains. */
async function exit(t: Teardown, failure: Failure): Promise<Failure> {
  try {
    const step = failure ? await t.gen.throw(failure.error) : await t.gen.next();
    if (!step.done) return { error: new Error(`The generator dependency "${t.name}" yielded more than once`) };
    return undefined;
  } catch (error) {
    return { error };
  }
}

/** Runs exit code of `teardowns` of one scope, last set up first; returns the failure that remains. */
export async function unwind(teardowns: readonly Teardown[], scope: DependencyScope, failure: Failure): Promise<Failure> {
  for (let i = teardowns.length - 1; i >= 0; i--) {
    const t = teardowns[i]!;
    if (t.scope === scope) failure = await exit(t, failure);
  }
  return failure;
}

function swallowed(error: unknown): FastAPIError {
  // FastAPI's wording, with JavaScript's `catch` where Python has `except`.
  const e = new FastAPIError("No response object was returned. There's a high chance that the application code is "
    + "raising an exception and a dependency with yield has a `catch` block that does not throw the exception again. "
    + "Read more about it in the docs: /tutorial/dependencies/dependencies-with-yield#never-swallow-an-error");
  (e as { cause?: unknown }).cause = error;
  return e;
}

/**
 * Ends a request that failed with `error`: throws it into every generator at its `yield` (function scope, then
 * request scope, each last first) and rethrows what comes out. If a generator swallowed it, a
 * {@link FastAPIError} (a 500) is thrown instead, as FastAPI does: a swallowed error is never a success.
 */
export async function failWith(teardowns: readonly Teardown[], error: unknown): Promise<never> {
  let rest = await unwind(teardowns, "function", { error });
  rest = await unwind(teardowns, "request", rest);
  throw rest ? rest.error : swallowed(error);
}

/**
 * Runs every exit code (function scope, then request scope, each last first) with `failure` thrown in, and throws
 * what remains (the original error when a generator swallowed it). For callers without a response to wait for.
 */
export async function runCleanups(cleanups: Teardown[], failure?: { error: unknown }): Promise<void> {
  let rest = await unwind(cleanups, "function", failure);
  rest = await unwind(cleanups, "request", rest);
  cleanups.length = 0;
  if (rest) throw rest.error;
  if (failure) throw failure.error;
}

const reporters = new WeakMap<Request, (error: unknown) => void>();

/** Where errors of teardown code running after the response was sent are reported (set by the app's dispatch). */
export function setServerErrorReporter(request: Request, report: (error: unknown) => void): void {
  reporters.set(request, report);
}

function report(request: Request, error: unknown): void {
  const r = reporters.get(request);
  if (r) r(error);
  else console.error(error);
}

/**
 * Ends a request that succeeded: runs function-scope exit code now (an error there becomes the response, and goes
 * through the request-scope generators), and request-scope exit code once the response has been sent: as the
 * response's last background task (after the operation's own tasks, as FastAPI). Should the body stream fail,
 * its error is thrown into the generators; should the client go away mid-stream, their `finally` blocks run.
 */
export async function succeed(teardowns: readonly Teardown[], request: Request, response: Response): Promise<Response> {
  const fnFailure = await unwind(teardowns, "function", undefined);
  if (fnFailure) {
    const rest = await unwind(teardowns, "request", fnFailure);
    throw rest ? rest.error : swallowed(fnFailure.error);
  }
  if (!teardowns.some((t) => t.scope === "request")) return response;
  let finished = false;
  const tasks = (response.background ??= new BackgroundTasks());
  tasks.addTask(async () => {
    if (finished) return;
    finished = true;
    const rest = await unwind(teardowns, "request", undefined);
    if (rest) throw rest.error;
  });
  const body = response.body;
  if (!(body instanceof ReadableStream)) return response;
  const abort = async (failure: Failure): Promise<void> => {
    if (finished) return;
    finished = true;
    if (failure) {
      const rest = await unwind(teardowns, "request", failure);
      if (rest && rest.error !== failure.error) report(request, rest.error);
      return;
    }
    for (let i = teardowns.length - 1; i >= 0; i--) {
      const t = teardowns[i]!;
      if (t.scope !== "request") continue;
      try {
        await t.gen.return(undefined);
      } catch (error) {
        report(request, error);
      }
    }
  };
  const reader = body.getReader();
  response.body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (error) {
        await abort({ error });
        controller.error(error);
        return;
      }
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    async cancel(reason) {
      try {
        await reader.cancel(reason);
      } finally {
        await abort(undefined);
      }
    },
  }, { highWaterMark: 0 });
  return response;
}
