// A websocket to the app in the page, shaped like the browser's WebSocket so the same code can use
// either: the WebSocket console, and the browser pane's pages whose scripts open sockets.
import type { SocketFromApp, SocketToApp } from "../executor/runner-protocol.ts";

/** The part of the browser's `WebSocket` the panes use; a real `WebSocket` satisfies it too. */
export interface AppSocket extends EventTarget {
  readonly url: string;
  readonly readyState: number;
  readonly protocol: string;
  binaryType: BinaryType;
  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** A websocket whose other end is the app in a worker, reached over a MessagePort. */
export class BridgedWebSocket extends EventTarget implements AppSocket {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;
  readonly url: string;
  readyState: number = CONNECTING;
  protocol = "";
  binaryType: BinaryType = "blob";
  readonly extensions = "";
  readonly bufferedAmount = 0;
  private readonly port: MessagePort;

  /** A socket to an app that is not there: it fails at once, as a browser's does when nothing answers. */
  static unreachable(url: string, reason: string): BridgedWebSocket {
    const socket = new BridgedWebSocket(url, new MessageChannel().port1);
    queueMicrotask(() => socket.finish(1006, reason));
    return socket;
  }

  constructor(url: string, port: MessagePort) {
    super();
    this.url = url;
    this.port = port;
    port.onmessage = (event: MessageEvent<SocketFromApp>) => this.receive(event.data);
  }

  private receive(message: SocketFromApp): void {
    if (this.readyState === CLOSED) return;
    if (message.type === "open") {
      this.readyState = OPEN;
      this.protocol = message.protocol;
      this.dispatchEvent(new Event("open"));
    } else if (message.type === "message") {
      const data = typeof message.data === "string" || this.binaryType === "arraybuffer" ? message.data : new Blob([message.data]);
      this.dispatchEvent(new MessageEvent("message", { data }));
    } else {
      this.finish(message.code, message.reason);
    }
  }

  /** Ends the socket as a browser would: a 1006 (abnormal) close is preceded by an error event. */
  finish(code: number, reason: string): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.port.close();
    if (code === 1006) this.dispatchEvent(new Event("error"));
    this.dispatchEvent(new CloseEvent("close", { code, reason, wasClean: code !== 1006 }));
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (this.readyState === CONNECTING) throw new DOMException("Still in CONNECTING state.", "InvalidStateError");
    if (this.readyState !== OPEN) return;
    if (typeof data === "string") this.post({ type: "send", data });
    else if (data instanceof Blob) void data.arrayBuffer().then((bytes) => this.post({ type: "send", data: bytes }));
    else if (ArrayBuffer.isView(data)) this.post({ type: "send", data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer });
    else this.post({ type: "send", data: new Uint8Array(data).slice().buffer });
  }

  close(code = 1000, reason = ""): void {
    if (this.readyState === CLOSING || this.readyState === CLOSED) return;
    this.readyState = CLOSING;
    this.post({ type: "close", code, reason });
  }

  private post(message: SocketToApp): void {
    this.port.postMessage(message);
  }

  // The `on…` handler properties of the browser's WebSocket, for page scripts that use them.
  set onopen(handler: ((event: Event) => void) | null) {
    this.handle("open", handler);
  }
  set onmessage(handler: ((event: MessageEvent) => void) | null) {
    this.handle("message", handler as ((event: Event) => void) | null);
  }
  set onclose(handler: ((event: CloseEvent) => void) | null) {
    this.handle("close", handler as ((event: Event) => void) | null);
  }
  set onerror(handler: ((event: Event) => void) | null) {
    this.handle("error", handler);
  }

  private readonly handlers = new Map<string, (event: Event) => void>();
  private handle(type: string, handler: ((event: Event) => void) | null): void {
    const previous = this.handlers.get(type);
    if (previous) this.removeEventListener(type, previous);
    if (handler) {
      this.handlers.set(type, handler);
      this.addEventListener(type, handler);
    } else {
      this.handlers.delete(type);
    }
  }
}
