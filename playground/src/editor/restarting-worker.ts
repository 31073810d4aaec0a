// Monaco's language workers load from the network on the first visit. If the reader goes offline before they
// arrive (or a request fails), the Worker fires a bare `error` Event; Monaco hands it to its unexpected-error
// handler, which rethrows it uncaught, and its language service then waits for an answer that never comes: no
// completion and no type errors until a reload. This worker starts its script again instead, once the browser is
// online, and replays what Monaco had sent to the one that failed.

/** How long to wait before starting a failed worker again, when the browser believes it is online. */
const RETRY_MS = [1_000, 3_000, 10_000, 30_000];

/** The members of `Worker` that Monaco uses. */
export type MonacoWorker = Pick<Worker, "postMessage" | "terminate" | "onmessage" | "onmessageerror" | "addEventListener" | "removeEventListener">;

/**
 * A worker that is started again, with the messages it had been sent, when its script fails to load. Only a
 * failure before the worker's first message counts as a failed load: after that, its errors are its own and are
 * passed on, as a `Worker`'s are.
 */
export class RestartingWorker extends EventTarget implements MonacoWorker {
  onmessage: ((this: Worker, event: MessageEvent) => unknown) | null = null;
  onmessageerror: ((this: Worker, event: MessageEvent) => unknown) | null = null;
  #worker: Worker;
  /** Set once the worker has answered: its script loaded, and nothing sent need be kept any longer. */
  #loaded = false;
  #sent: { message: unknown; transfer: Transferable[] }[] = [];
  #failures = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #terminated = false;
  readonly #start: () => Worker;
  readonly #onOnline = () => this.#restart();

  /** `start` makes a new worker; it is called now and after each failed load. */
  constructor(start: () => Worker) {
    super();
    this.#start = start;
    this.#worker = this.#launch();
  }

  postMessage(message: unknown, transferOrOptions?: Transferable[] | StructuredSerializeOptions): void {
    const transfer = Array.isArray(transferOrOptions) ? transferOrOptions : (transferOrOptions?.transfer ?? []);
    // A transferred buffer is gone from this side once posted, so such a message cannot be sent twice.
    if (!this.#loaded && transfer.length === 0) this.#sent.push({ message, transfer });
    this.#worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.#terminated = true;
    clearTimeout(this.#retry);
    removeEventListener("online", this.#onOnline);
    this.#worker.terminate();
    this.#sent = [];
  }

  #launch(): Worker {
    const worker = this.#start();
    worker.addEventListener("message", (event) => {
      this.#loaded = true;
      this.#sent = [];
      this.#forward(event, this.onmessage);
    });
    worker.addEventListener("messageerror", (event) => this.#forward(event, this.onmessageerror));
    worker.addEventListener("error", (event) => {
      if (this.#loaded) return void this.dispatchEvent(new ErrorEvent("error", event));
      event.preventDefault();
      worker.terminate();
      this.#scheduleRestart();
    });
    return worker;
  }

  #forward(event: MessageEvent, handler: ((this: Worker, event: MessageEvent) => unknown) | null): void {
    handler?.call(this as unknown as Worker, event);
    this.dispatchEvent(new MessageEvent(event.type, { data: event.data, ports: [...event.ports] }));
  }

  #scheduleRestart(): void {
    if (this.#terminated) return;
    // Offline, the next attempt waits for the connection; online, a few attempts spaced out, then the editor goes
    // on without its language service rather than fetching a broken script forever.
    if (!navigator.onLine) return void addEventListener("online", this.#onOnline, { once: true });
    const delay = RETRY_MS[this.#failures++];
    if (delay === undefined) {
      console.warn("The editor's language worker did not load: completion and type errors are off until the page reloads.");
      return;
    }
    this.#retry = setTimeout(() => this.#restart(), delay);
  }

  #restart(): void {
    if (this.#terminated) return;
    this.#worker = this.#launch();
    for (const { message, transfer } of this.#sent) this.#worker.postMessage(message, transfer);
  }
}
