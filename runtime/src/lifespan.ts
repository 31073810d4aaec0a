/** State a lifespan provides: shallow-copied into every request's `request.state`. */
export type LifespanState = Record<string, unknown>;

/**
 * A lifespan (FastAPI's `lifespan=`): an async generator function that sets things up, `yield`s once (optionally
 * the state requests will see), and cleans up after the `yield` when the app stops.
 *
 * @example
 * ```ts
 * const app = new FastAPI({
 *   lifespan: async function* (app) {
 *     const models = { answer: (x: number) => x * 42 };   // load the ML model
 *     yield { models };
 *     // clean up the ML models and release the resources
 *   },
 * });
 * ```
 */
export type Lifespan<A> = (app: A) => AsyncGenerator<LifespanState | void, void, unknown> | Generator<LifespanState | void, void, unknown>;

/** A startup or shutdown event handler (the older events API). */
export type EventHandler = () => unknown;

/** Runs an app's lifespan (or its startup/shutdown handlers) once per start/stop. */
export class LifespanRunner<A> {
  readonly #lifespan: Lifespan<A> | undefined;
  /** Startup handlers, run in order. */
  readonly onStartup: EventHandler[];
  /** Shutdown handlers, run in order. */
  readonly onShutdown: EventHandler[];
  #gen: AsyncGenerator<LifespanState | void, void, unknown> | Generator<LifespanState | void, void, unknown> | null = null;
  #running = false;
  /** The state the lifespan yielded (empty until started). */
  state: LifespanState = {};

  constructor(lifespan?: Lifespan<A>, onStartup: EventHandler[] = [], onShutdown: EventHandler[] = []) {
    this.#lifespan = lifespan;
    this.onStartup = [...onStartup];
    this.onShutdown = [...onShutdown];
  }

  /** `true` between `start` and `stop`. */
  get running(): boolean {
    return this.#running;
  }

  /** Runs the code before the `yield` (or the startup handlers). */
  async start(app: A): Promise<void> {
    if (this.#running) return;
    if (this.#lifespan) {
      const gen = this.#lifespan(app);
      const first = await gen.next();
      if (first.done) throw new Error("The lifespan must yield once");
      this.#gen = gen;
      this.state = first.value ?? {};
    } else {
      for (const h of this.onStartup) await h();
    }
    this.#running = true;
  }

  /** Runs the code after the `yield` (or the shutdown handlers). */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.state = {};
    if (this.#gen) {
      const gen = this.#gen;
      this.#gen = null;
      const r = await gen.next();
      if (!r.done) throw new Error("The lifespan must yield only once");
    } else {
      for (const h of this.onShutdown) await h();
    }
  }
}
