import { provide } from "../injection.ts";
import type { Address, Request, RequestApp } from "../request.ts";
import { WebSocketDisconnect } from "./exceptions.ts";
import type { WebSocketMessage, WebSocketTransport } from "./transport.ts";

/** Connection state of one side of a websocket (Starlette's `WebSocketState`). */
export type WebSocketState = "CONNECTING" | "CONNECTED" | "DISCONNECTED";

/** Options of {@link WebSocket.accept}. */
export interface AcceptOptions {
  /** The subprotocol chosen among those the client offered ({@link WebSocket.subprotocols}). */
  subprotocol?: string | null;
  /** Extra handshake response headers. */
  headers?: HeadersInit;
}

const sockets = new WeakMap<Request, WebSocket>();

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A websocket connection (Starlette's `WebSocket`): declare `{ websocket: WebSocket }` in the `params` of an
 * `app.websocket(...)` endpoint. Accept it, then receive and send text, bytes or JSON until either side closes.
 *
 * @example
 * ```ts
 * app.websocket("/ws", { params: { websocket: WebSocket } }, async function websocket_endpoint({ websocket }) {
 *   await websocket.accept();
 *   for await (const data of websocket.iterText()) await websocket.sendText(`Message text was: ${data}`);
 * });
 * ```
 */
export class WebSocket {
  /** The handshake request (headers, query, cookies, URL). */
  readonly request: Request;
  readonly #transport: WebSocketTransport;
  /** The client's side: `CONNECTING` until accepted, `DISCONNECTED` after it closed. */
  clientState: WebSocketState = "CONNECTING";
  /** The app's side: `CONNECTING` until accepted, `DISCONNECTED` after it closed. */
  applicationState: WebSocketState = "CONNECTING";

  constructor(request: Request, transport: WebSocketTransport) {
    this.request = request;
    this.#transport = transport;
    sockets.set(request, this);
  }

  /** @internal Injects the connection of the current request. */
  static [provide](request: Request): WebSocket {
    const ws = sockets.get(request);
    if (!ws) throw new Error("WebSocket can only be declared by websocket endpoints and their dependencies");
    return ws;
  }

  /** The handshake headers. */
  get headers(): Headers { return this.request.headers; }
  /** The query parameters. */
  get queryParams(): URLSearchParams { return this.request.queryParams; }
  /** The cookies. */
  get cookies(): Record<string, string> { return this.request.cookies; }
  /** The URL (`ws:`/`wss:` as the client used, or `http:`). */
  get url(): URL { return this.request.url; }
  /** Path parameters as matched. */
  get pathParams(): Record<string, string> { return this.request.pathParams; }
  /** Client address, or `null`. */
  get client(): Address | null { return this.request.client; }
  /** Per-connection state (starts with a copy of the lifespan state). */
  get state(): Record<string, unknown> { return this.request.state; }
  /** The app. */
  get app(): RequestApp | null { return this.request.app; }
  /** Subprotocols offered by the client (`Sec-WebSocket-Protocol`). */
  get subprotocols(): string[] {
    const h = this.request.headers.get("sec-websocket-protocol");
    return h ? h.split(",").map((s) => s.trim()).filter(Boolean) : [];
  }

  /** Accepts the connection. */
  async accept(options: AcceptOptions = {}): Promise<void> {
    if (this.applicationState !== "CONNECTING") throw new Error('Cannot call "accept" once the connection is established or closed.');
    await this.#transport.accept(options.subprotocol ?? null, new Headers(options.headers));
    this.applicationState = "CONNECTED";
    this.clientState = "CONNECTED";
  }

  /** The next message, text or bytes; throws {@link WebSocketDisconnect} when the client has closed. */
  async receive(): Promise<WebSocketMessage> {
    if (this.applicationState !== "CONNECTED") throw new Error('WebSocket is not connected. Need to call "accept" first.');
    if (this.clientState === "DISCONNECTED") throw new Error('Cannot call "receive" once a disconnect message has been received.');
    const ev = await this.#transport.receive();
    if (ev.type === "close") {
      this.clientState = "DISCONNECTED";
      this.applicationState = "DISCONNECTED";
      throw new WebSocketDisconnect(ev.code, ev.reason);
    }
    return ev.data;
  }

  /** The next message as text (bytes are decoded as UTF-8). */
  async receiveText(): Promise<string> {
    const m = await this.receive();
    return typeof m === "string" ? m : decoder.decode(m);
  }

  /** The next message as bytes (text is encoded as UTF-8). */
  async receiveBytes(): Promise<Uint8Array> {
    const m = await this.receive();
    return typeof m === "string" ? encoder.encode(m) : m;
  }

  /** The next message parsed as JSON. */
  async receiveJson<T = unknown>(): Promise<T> {
    return JSON.parse(await this.receiveText()) as T;
  }

  /** Sends text or bytes. */
  async send(data: WebSocketMessage): Promise<void> {
    if (this.applicationState !== "CONNECTED") throw new Error('WebSocket is not connected. Need to call "accept" first.');
    await this.#transport.send(data);
  }

  /** Sends a text message. */
  sendText(data: string): Promise<void> {
    return this.send(data);
  }

  /** Sends a binary message. */
  sendBytes(data: Uint8Array): Promise<void> {
    return this.send(data);
  }

  /** Sends JSON, as text (default) or as a binary message. */
  sendJson(data: unknown, options: { mode?: "text" | "binary" } = {}): Promise<void> {
    const text = JSON.stringify(data);
    return this.send(options.mode === "binary" ? encoder.encode(text) : text);
  }

  /** Text messages until the client disconnects. */
  async *iterText(): AsyncGenerator<string> {
    try {
      for (;;) yield await this.receiveText();
    } catch (e) {
      if (!(e instanceof WebSocketDisconnect)) throw e;
    }
  }

  /** Binary messages until the client disconnects. */
  async *iterBytes(): AsyncGenerator<Uint8Array> {
    try {
      for (;;) yield await this.receiveBytes();
    } catch (e) {
      if (!(e instanceof WebSocketDisconnect)) throw e;
    }
  }

  /** JSON messages until the client disconnects. */
  async *iterJson<T = unknown>(): AsyncGenerator<T> {
    try {
      for (;;) yield await this.receiveJson<T>();
    } catch (e) {
      if (!(e instanceof WebSocketDisconnect)) throw e;
    }
  }

  /** Messages (text or bytes) until the client disconnects: `for await (const m of websocket)`. */
  async *[Symbol.asyncIterator](): AsyncGenerator<WebSocketMessage> {
    try {
      for (;;) yield await this.receive();
    } catch (e) {
      if (!(e instanceof WebSocketDisconnect)) throw e;
    }
  }

  /** Closes the connection (before accepting: rejects the handshake). */
  async close(code = 1000, reason = ""): Promise<void> {
    if (this.applicationState === "DISCONNECTED") return;
    this.applicationState = "DISCONNECTED";
    await this.#transport.close(code, truncateReason(reason));
  }
}

/** Close reasons are limited to 123 bytes of UTF-8. */
export function truncateReason(reason: string): string {
  if (encoder.encode(reason).byteLength <= 123) return reason;
  let out = "";
  for (const ch of reason) {
    if (encoder.encode(out + ch).byteLength > 123) break;
    out += ch;
  }
  return out;
}
