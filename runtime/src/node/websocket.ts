import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocketServer, WebSocket as WsSocket } from "ws";
import type { FastAPI } from "../app.ts";
import { Request } from "../request.ts";
import { describe, runInRequest } from "./faults.ts";
import { AsyncQueue, type WebSocketEvent, type WebSocketMessage, type WebSocketTransport } from "../websockets/transport.ts";

interface Chosen {
  subprotocol: string | null;
  headers: Headers;
}

const decoder = new TextDecoder();

/** What the Node adapter needs to route websocket upgrades to an app. */
export interface WebSocketUpgradeHandler {
  /** The `upgrade` listener of a `node:http` server. */
  onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, request: Request): void;
  /** Closes every open connection with 1001 (going away). */
  closeAll(): void;
}

function validCloseCode(code: number): number {
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999) ? code : 1000;
}

/** Limits of {@link createWebSocketHandler} (uvicorn's `ws_max_size` and `ws_max_queue`). */
export interface WebSocketLimits {
  /** Largest message accepted, in bytes; a larger one closes the connection with 1009 (default 16 MiB). */
  wsMaxSize?: number;
  /** Messages held for the app before reading from the client pauses (default 32). */
  wsMaxQueue?: number;
}

/** Connects `ws` (on the same server as HTTP) to an app's websocket endpoints. */
export function createWebSocketHandler(app: FastAPI, limits: WebSocketLimits = {}): WebSocketUpgradeHandler {
  const chosen = new WeakMap<IncomingMessage, Chosen>();
  const open = new Set<WsSocket>();
  const maxQueue = limits.wsMaxQueue ?? 32;
  // Perf: `ws` is loaded by the first handshake, not at start-up (importing it is a good part of the adapter's
  // import time, and most apps serve no websocket).
  let wss: Promise<WebSocketServer> | undefined;
  const server = (): Promise<WebSocketServer> => (wss ??= import("ws").then(({ WebSocketServer }) => {
    const s = new WebSocketServer({
      noServer: true,
      maxPayload: limits.wsMaxSize ?? 16 * 1024 * 1024,
      handleProtocols: (_protocols, req) => chosen.get(req)?.subprotocol ?? false,
    });
    s.on("headers", (headers, req) => {
      chosen.get(req)?.headers.forEach((value, key) => headers.push(`${key}: ${value}`));
    });
    return s;
  }));

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, request: Request): void => {
    const queue = new AsyncQueue<WebSocketEvent>();
    let ws: WsSocket | null = null;
    let state: "connecting" | "open" | "closed" = "connecting";
    const onEarlyClose = (): void => {
      if (state === "connecting") queue.push({ type: "close", code: 1006, reason: "" });
    };
    socket.once("close", onEarlyClose);
    socket.on("error", () => {});
    const transport: WebSocketTransport = {
      accept: (subprotocol, headers) => server().then((wss) => new Promise<void>((resolve, reject) => {
        if (socket.destroyed) {
          reject(new Error("The client went away before the handshake completed"));
          return;
        }
        chosen.set(req, { subprotocol, headers });
        wss.handleUpgrade(req, socket, head, (client) => {
          socket.off("close", onEarlyClose);
          ws = client;
          state = "open";
          open.add(client);
          client.on("message", (data, isBinary) => {
            const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
            const msg: WebSocketMessage = isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : decoder.decode(bytes);
            queue.push({ type: "message", data: msg });
            // An app that reads slower than the client sends: stop reading the socket (TCP pushes back) until it catches up.
            if (queue.size >= maxQueue && !client.isPaused) client.pause();
          });
          client.on("close", (code, reason) => {
            open.delete(client);
            state = "closed";
            queue.push({ type: "close", code, reason: reason.toString() });
          });
          client.on("error", () => {});
          resolve();
        });
      })),
      receive: () => {
        const next = queue.shift();
        if (ws?.isPaused && queue.size < maxQueue) ws.resume();
        return next;
      },
      send: (data) => new Promise<void>((resolve, reject) => {
        if (!ws || state !== "open") {
          reject(new Error("Cannot send on a websocket that is not open"));
          return;
        }
        ws.send(data, (err) => (err ? reject(err) : resolve()));
      }),
      close: async (code, reason) => {
        if (state === "connecting") {
          state = "closed";
          // Closing before accepting rejects the handshake, as uvicorn does.
          if (!socket.destroyed) socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
          return;
        }
        if (state === "open" && ws) {
          state = "closed";
          ws.close(validCloseCode(code), reason);
        }
      },
    };
    runInRequest(request, () => app.handleWebSocket(request, transport)).catch((error: unknown) => {
      console.error(`Exception in the app while handling websocket ${describe(request)}:`, error);
      void transport.close(1011, "");
    });
  };

  return {
    onUpgrade,
    closeAll: () => {
      for (const ws of open) ws.close(1001, "Server shutting down");
      setTimeout(() => { for (const ws of open) ws.terminate(); }, 500).unref();
    },
  };
}
