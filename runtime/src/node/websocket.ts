import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocketServer, WebSocket as WsSocket } from "ws";
import type { FastAPI } from "../app.ts";
import { Request } from "../request.ts";
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

/** Connects `ws` (on the same server as HTTP) to an app's websocket endpoints. */
export function createWebSocketHandler(app: FastAPI): WebSocketUpgradeHandler {
  const chosen = new WeakMap<IncomingMessage, Chosen>();
  const open = new Set<WsSocket>();
  // Perf: `ws` is loaded by the first handshake, not at start-up (importing it is a good part of the adapter's
  // import time, and most apps serve no websocket).
  let wss: Promise<WebSocketServer> | undefined;
  const server = (): Promise<WebSocketServer> => (wss ??= import("ws").then(({ WebSocketServer }) => {
    const s = new WebSocketServer({
      noServer: true,
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
      receive: () => queue.shift(),
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
    app.handleWebSocket(request, transport).catch((error: unknown) => {
      console.error(error);
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
