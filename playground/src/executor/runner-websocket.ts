// The app worker's end of a websocket from the page: an in-memory pair from the runtime, its server
// end handed to the app, its client end pumped to and from the socket's MessagePort.
import type { SocketFromApp, SocketToApp } from "./runner-protocol.ts";

/** What the worker needs of the app to serve a websocket. */
export interface WebSocketApp {
  handleWebSocket(request: unknown, transport: unknown, options?: { onServerError?: (error: unknown) => void }): Promise<void>;
}

/** What the worker needs of the runtime module (`fastapi-ts.js`). */
export interface WebSocketRuntime {
  Request: new (init: { method: string; url: string; headers: Headers; body: null; client: { host: string; port: number } }) => unknown;
  createWebSocketPair(subprotocols: readonly string[]): {
    server: unknown;
    client: {
      readonly closed: boolean;
      opened: Promise<{ subprotocol: string | null }>;
      send(data: string | Uint8Array): void;
      close(code?: number, reason?: string): void;
      receive(): Promise<{ type: "message"; data: string | Uint8Array } | { type: "close"; code: number; reason: string }>;
    };
  };
}

export function isWebSocketApp(app: unknown): app is WebSocketApp {
  return typeof (app as WebSocketApp | undefined)?.handleWebSocket === "function";
}

/** The handshake request a browser would send for `url` (ws: or wss:). */
function handshakeHeaders(url: URL, headers: [string, string][], subprotocols: string[]): Headers {
  const result = new Headers(headers);
  result.set("host", url.host);
  result.set("connection", "upgrade");
  result.set("upgrade", "websocket");
  result.set("sec-websocket-version", "13");
  if (subprotocols.length) result.set("sec-websocket-protocol", subprotocols.join(", "));
  return result;
}

/**
 * Serves one websocket: runs the app's endpoint for `url` and relays messages both ways over `port`
 * until either side closes. A handshake the app refuses (it closes before accepting: Starlette's
 * HTTP 403) reaches the page as a close with code 1006, as a browser's socket would see it.
 */
export async function serveWebSocket(
  app: WebSocketApp,
  runtime: WebSocketRuntime,
  socket: { url: string; headers: [string, string][]; subprotocols: string[]; port: MessagePort },
): Promise<void> {
  const { port } = socket;
  const url = new URL(socket.url);
  const request = new runtime.Request({ method: "GET", url: url.href, headers: handshakeHeaders(url, socket.headers, socket.subprotocols), body: null, client: { host: "browser", port: 0 } });
  const { server, client } = runtime.createWebSocketPair(socket.subprotocols);
  let closed = false;
  const post = (message: SocketFromApp, transfer: Transferable[] = []) => {
    if (closed) return;
    if (message.type === "close") closed = true;
    port.postMessage(message, transfer);
    if (closed) port.close();
  };

  port.onmessage = (event: MessageEvent<SocketToApp>) => {
    const message = event.data;
    if (message.type === "send") {
      if (!client.closed) client.send(typeof message.data === "string" ? message.data : new Uint8Array(message.data));
    } else {
      client.close(message.code, message.reason);
      // A browser's socket reports the close it started once the server answers; the in-memory
      // pair has no answer to wait for, so the close completes here.
      post({ type: "close", code: message.code, reason: message.reason });
    }
  };

  const done = app
    .handleWebSocket(request, server, { onServerError: (error) => console.error(error) })
    .catch((error: unknown) => console.error(error))
    // An endpoint that returns without closing: after what it sent has been relayed, the socket drops.
    .then(() => setTimeout(() => post({ type: "close", code: 1006, reason: "The endpoint returned without closing the websocket" }), 0));

  try {
    const handshake = await client.opened;
    post({ type: "open", protocol: handshake.subprotocol ?? "" });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    post({ type: "close", code: 1006, reason: `The app refused the handshake (HTTP 403${typeof code === "number" ? `; it closed with ${code}` : ""})` });
    await done;
    return;
  }

  while (!closed) {
    const event = await client.receive();
    if (event.type === "close") {
      post({ type: "close", code: event.code, reason: event.reason });
    } else if (typeof event.data === "string") {
      post({ type: "message", data: event.data });
    } else {
      const bytes = event.data.slice().buffer as ArrayBuffer;
      post({ type: "message", data: bytes }, [bytes]);
    }
  }
  await done;
}
