import { WebSocketDisconnect } from "./exceptions.ts";

/** A websocket message: text or bytes. */
export type WebSocketMessage = string | Uint8Array;

/** What a socket delivers: a message, or the peer's close. */
export type WebSocketEvent = { type: "message"; data: WebSocketMessage } | { type: "close"; code: number; reason: string };

/**
 * The server side of one websocket connection, as an adapter provides it (Node `ws`, the in-memory pair…).
 * The app decides whether to accept the handshake; closing before accepting rejects it (HTTP 403).
 */
export interface WebSocketTransport {
  /** Completes the handshake with an optional subprotocol and extra response headers. */
  accept(subprotocol: string | null, headers: Headers): Promise<void>;
  /** The next message, or the peer's close. */
  receive(): Promise<WebSocketEvent>;
  /** Sends a message. */
  send(data: WebSocketMessage): Promise<void>;
  /** Closes the connection (before `accept`: rejects the handshake). */
  close(code: number, reason: string): Promise<void>;
}

/** A minimal async queue. */
export class AsyncQueue<T> {
  readonly #items: T[] = [];
  readonly #waiters: ((v: T) => void)[] = [];
  /** Adds an item (wakes one waiter). */
  push(item: T): void {
    const w = this.#waiters.shift();
    if (w) w(item);
    else this.#items.push(item);
  }
  /** The next item (waits for one). */
  shift(): Promise<T> {
    if (this.#items.length) return Promise.resolve(this.#items.shift()!);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
  /** Queued items not yet taken. */
  get size(): number {
    return this.#items.length;
  }
}

/** The handshake result seen by the client of an in-memory pair. */
export interface Handshake {
  /** The subprotocol the app chose, or `null`. */
  subprotocol: string | null;
  /** Extra headers the app sent with the accept. */
  headers: Headers;
}

/**
 * The client end of an in-memory websocket: used by the TestClient, and by the browser playground to bridge a
 * page's socket to the app running in a worker (pump `receive()` into a `MessagePort`, and port messages into
 * `send()`).
 */
export class MemoryWebSocketClient {
  /** Resolves once the app accepts; rejects with a {@link WebSocketDisconnect} when it closes first. */
  readonly opened: Promise<Handshake>;
  /** Subprotocols the client offered. */
  readonly subprotocols: readonly string[];
  /** @internal */
  readonly toClient = new AsyncQueue<WebSocketEvent>();
  /** @internal */
  readonly toServer = new AsyncQueue<WebSocketEvent>();
  /** @internal */
  settle!: { accept(h: Handshake): void; reject(e: WebSocketDisconnect): void };
  #closed = false;
  #serverClosed: { code: number; reason: string } | null = null;

  constructor(subprotocols: readonly string[] = []) {
    this.subprotocols = subprotocols;
    this.opened = new Promise<Handshake>((accept, reject) => {
      this.settle = { accept, reject };
    });
    this.opened.catch(() => {});
  }

  /** `true` once either side closed. */
  get closed(): boolean {
    return this.#closed || this.#serverClosed !== null;
  }

  /** Sends a message to the app. */
  send(data: WebSocketMessage): void {
    if (this.#closed) throw new Error("The websocket is closed");
    this.toServer.push({ type: "message", data });
  }

  /** The next event from the app (a message, or its close). */
  async receive(): Promise<WebSocketEvent> {
    if (this.#serverClosed && this.toClient.size === 0) return { type: "close", ...this.#serverClosed };
    const ev = await this.toClient.shift();
    if (ev.type === "close") this.#serverClosed = { code: ev.code, reason: ev.reason };
    return ev;
  }

  /** Closes the connection from the client side. */
  close(code = 1000, reason = ""): void {
    if (this.#closed) return;
    this.#closed = true;
    this.toServer.push({ type: "close", code, reason });
  }

  /** Messages from the app until it closes. */
  async *[Symbol.asyncIterator](): AsyncGenerator<WebSocketMessage> {
    for (;;) {
      const ev = await this.receive();
      if (ev.type === "close") return;
      yield ev.data;
    }
  }
}

class MemoryServerTransport implements WebSocketTransport {
  readonly #client: MemoryWebSocketClient;
  #state: "connecting" | "open" | "closed" = "connecting";
  constructor(client: MemoryWebSocketClient) {
    this.#client = client;
  }
  async accept(subprotocol: string | null, headers: Headers): Promise<void> {
    this.#state = "open";
    this.#client.settle.accept({ subprotocol, headers });
  }
  receive(): Promise<WebSocketEvent> {
    return this.#client.toServer.shift();
  }
  async send(data: WebSocketMessage): Promise<void> {
    if (this.#state !== "open") throw new Error("Cannot send on a websocket that is not open");
    this.#client.toClient.push({ type: "message", data });
  }
  async close(code: number, reason: string): Promise<void> {
    const before = this.#state;
    this.#state = "closed";
    if (before === "connecting") this.#client.settle.reject(new WebSocketDisconnect(code, reason));
    else if (before === "open") this.#client.toClient.push({ type: "close", code, reason });
  }
}

/**
 * An in-memory websocket: `server` goes to `app.handleWebSocket(request, server)`, `client` talks to it.
 *
 * @example
 * ```ts
 * const { server, client } = createWebSocketPair(["chat"]);
 * void app.handleWebSocket(new Request({ method: "GET", url: "ws://worker/ws", headers: new Headers(), body: null }), server);
 * await client.opened;
 * client.send("hello");
 * ```
 */
export function createWebSocketPair(subprotocols: readonly string[] = []): { server: WebSocketTransport; client: MemoryWebSocketClient } {
  const client = new MemoryWebSocketClient(subprotocols);
  return { server: new MemoryServerTransport(client), client };
}
