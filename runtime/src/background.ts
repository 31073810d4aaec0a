import { provide } from "./injection.ts";
import type { Request } from "./request.ts";

/** A function run after the response is sent. */
export type BackgroundTask = () => unknown;

const perRequest = new WeakMap<Request, BackgroundTasks>();

/**
 * Work to do after the response has been sent (FastAPI's `BackgroundTasks`). Declare `{ tasks: BackgroundTasks }`
 * in the `params` of an operation or a dependency: every declaration in one request receives the same instance.
 * Tasks run in order once the response is sent; a failing task is logged and does not stop the later ones.
 *
 * @example
 * ```ts
 * app.post("/send-notification/{email}", { params: { email: z.string(), tasks: BackgroundTasks } },
 *   async function send_notification({ email, tasks }) {
 *     tasks.addTask(() => writeLog(`notification for ${email}`));
 *     return { message: "Notification sent in the background" };
 *   });
 * ```
 */
export class BackgroundTasks {
  readonly #tasks: BackgroundTask[] = [];

  /** @internal The instance shared by every declaration of one request. */
  static [provide](request: Request): BackgroundTasks {
    let tasks = perRequest.get(request);
    if (!tasks) perRequest.set(request, (tasks = new BackgroundTasks()));
    return tasks;
  }

  /** Queues `fn(...args)` to run after the response. */
  addTask<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
    this.#tasks.push(() => fn(...args));
  }

  /** The number of queued tasks. */
  get size(): number {
    return this.#tasks.length;
  }

  /** Runs the queued tasks in order (each awaited); errors are reported to `onError` (default `console.error`). */
  async run(onError: (error: unknown) => void = reportTaskError): Promise<void> {
    while (this.#tasks.length) {
      const task = this.#tasks.shift()!;
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    }
  }
}

function reportTaskError(error: unknown): void {
  console.error("Background task failed:", error);
}

/** @internal The tasks queued during a request, if any (taken once). */
export function takeBackground(request: Request): BackgroundTasks | undefined {
  const tasks = perRequest.get(request);
  perRequest.delete(request);
  return tasks && tasks.size ? tasks : undefined;
}
