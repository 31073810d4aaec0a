// What the streaming responses share: recognising a handler that streams (a generator function), and iterating
// what it yields so that a client that goes away stops the generator.

const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor as Function;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as Function;

/** What a streaming handler produces: the items of a (sync or async) generator or any iterable. */
export type ItemSource<T = unknown> = AsyncIterable<T> | Iterable<T>;

/** `true` for `async function*` and `function*` functions: handlers that stream what they yield. */
export function isGeneratorFunction(fn: unknown): boolean {
  return fn instanceof AsyncGeneratorFunction || fn instanceof GeneratorFunction;
}

/**
 * `true` for a generator object (what calling a generator function returns), also one a wrapper returned on the
 * handler's behalf. Arrays, sets and other iterables are values to send whole, not streams.
 */
export function isGeneratorObject(v: unknown): v is AsyncGenerator | Generator {
  if (typeof v !== "object" || v === null) return false;
  const tag = (v as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  return tag === "AsyncGenerator" || tag === "Generator";
}

/** The async iterator of an iterable, sync or async. */
export function iteratorOf<T>(source: ItemSource<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
}

/**
 * Iterates `source`, stopping when `signal` aborts (the client went away): the pending step ends the iteration at
 * once, and the source's `return()` runs its `finally` blocks. A generator busy in an `await` gets the `return()`
 * once that `await` settles (JavaScript cannot interrupt it, as Python's task cancellation does).
 */
export function abortable<T>(source: ItemSource<T>, signal: AbortSignal | undefined): AsyncIterable<T> {
  if (!signal) return Symbol.asyncIterator in source ? (source as AsyncIterable<T>) : toAsync(source as Iterable<T>);
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const it = iteratorOf(source);
      let finished = false;
      let stop: (() => void) | undefined;
      const stopped = new Promise<IteratorResult<T>>((resolve) => {
        stop = () => resolve({ done: true, value: undefined });
      });
      const finish = async (): Promise<IteratorResult<T>> => {
        if (!finished) {
          finished = true;
          signal.removeEventListener("abort", onAbort);
          stop!();
          await it.return?.();
        }
        return { done: true, value: undefined };
      };
      const onAbort = (): void => void finish().catch(() => {});
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
      return {
        async next(): Promise<IteratorResult<T>> {
          if (finished) return { done: true, value: undefined };
          const step = await Promise.race([it.next(), stopped]);
          if (step.done && !finished) {
            finished = true;
            signal.removeEventListener("abort", onAbort);
          }
          return step;
        },
        return: finish,
        async throw(error: unknown): Promise<IteratorResult<T>> {
          await finish();
          throw error;
        },
      };
    },
  };
}

function toAsync<T>(source: Iterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const it = source[Symbol.iterator]();
      return {
        next: async () => it.next(),
        return: async () => it.return?.() ?? { done: true, value: undefined },
      };
    },
  };
}

/** Applies `map` to each item of `source` (awaiting it), keeping `return()` wired to the source. */
export function mapItems<T, U>(source: AsyncIterable<T>, map: (item: T) => U | Promise<U>): AsyncIterable<U> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<U> {
      const it = source[Symbol.asyncIterator]();
      return {
        async next(): Promise<IteratorResult<U>> {
          const step = await it.next();
          if (step.done) return { done: true, value: undefined };
          try {
            return { done: false, value: await map(step.value) };
          } catch (error) {
            // A bad item ends the stream: the generator's `finally` blocks still run.
            await it.return?.();
            throw error;
          }
        },
        async return(): Promise<IteratorResult<U>> {
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

const encoder = new TextEncoder();

/** Options of {@link iterableStream}. */
export interface IterableStreamOptions {
  /** Milliseconds without an item after which `idle()` is enqueued (a keep-alive); none by default. */
  idleInterval?: number;
  /** The chunk sent when the source has been idle for `idleInterval`. */
  idle?: () => string | Uint8Array;
}

/**
 * A byte stream of the chunks of `source` (strings are UTF-8 encoded). Cancelling the stream (the client went
 * away) calls the source's `return()`. With `idleInterval`, a keep-alive chunk is sent whenever the source has
 * produced nothing for that long.
 */
export function iterableStream(source: AsyncIterable<string | Uint8Array>, options: IterableStreamOptions = {}): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<string | Uint8Array>> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const interval = options.idleInterval;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      pending ??= it.next();
      let step: IteratorResult<string | Uint8Array> | "idle";
      if (interval !== undefined && interval > 0 && options.idle) {
        const idle = new Promise<"idle">((resolve) => {
          timer = setTimeout(() => resolve("idle"), interval);
        });
        try {
          step = await Promise.race([pending, idle]);
        } finally {
          clearTimeout(timer);
        }
        if (step === "idle") {
          const chunk = options.idle();
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
          return;
        }
      } else {
        step = await pending;
      }
      pending = undefined;
      if (step.done) controller.close();
      else controller.enqueue(typeof step.value === "string" ? encoder.encode(step.value) : step.value);
    },
    async cancel() {
      clearTimeout(timer);
      await it.return?.();
    },
  }, { highWaterMark: 0 });
}
