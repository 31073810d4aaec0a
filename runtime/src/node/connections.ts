/**
 * The connections of a server, for a graceful shutdown that always ends (uvicorn's behaviour, bounded): stop
 * accepting; close idle keep-alive connections and those still sending their request line and headers at once;
 * let requests in flight finish, and close their connections as they do; after the timeout, cut whatever is left
 * (a stuck body, an endless stream).
 * @packageDocumentation
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** Tracks a server's sockets and the last request each carried. */
export class Connections {
  readonly #sockets = new Set<Socket>();
  // Perf: one WeakMap write per request (no listener per request); a socket's entry is overwritten by its next one.
  readonly #last = new WeakMap<Socket, ServerResponse>();
  readonly #upgraded = new WeakSet<object>();

  constructor(server: Server) {
    server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once("close", () => this.#sockets.delete(socket));
    });
  }

  /** Notes the request a socket is carrying (called by the listener). */
  onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.#last.set(req.socket, res);
  }

  /** Notes a socket taken over by a websocket (its handler closes it on shutdown). */
  onUpgrade(socket: object): void {
    this.#upgraded.add(socket);
  }

  /** Open connections (sockets, upgraded websockets included until they close). */
  get size(): number {
    return this.#sockets.size;
  }

  /**
   * Closes the connections not carrying a request in flight (idle, or still sending headers); tells those in flight
   * to close once their response is sent. Returns how many requests are still in flight.
   */
  closeIdle(): number {
    let busy = 0;
    for (const socket of this.#sockets) {
      const res = this.#last.get(socket);
      if (res === undefined || res.writableFinished || res.destroyed) {
        // Upgraded sockets (websockets) are closed by their own handler, with a close frame.
        if (!this.#upgraded.has(socket)) socket.destroy();
        continue;
      }
      busy++;
      if (!res.headersSent) res.shouldKeepAlive = false;
    }
    return busy;
  }

  /** Cuts every connection left. */
  destroyAll(): void {
    for (const socket of this.#sockets) socket.destroy();
  }
}

/**
 * Stops `server`: no new connections; idle and half-received ones closed now; in-flight requests get `timeoutMs`
 * to finish, then their connections are cut. Resolves once the server is closed.
 */
export function shutDown(server: Server, connections: Connections, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let sweep: ReturnType<typeof setInterval> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    server.close((err) => {
      clearInterval(sweep);
      clearTimeout(deadline);
      if (err && (err as { code?: string }).code !== "ERR_SERVER_NOT_RUNNING") reject(err);
      else resolve();
    });
    connections.closeIdle();
    // Keep-alive connections become idle as their responses end: close them as they do.
    sweep = setInterval(() => connections.closeIdle(), 50);
    deadline = setTimeout(() => connections.destroyAll(), Math.max(0, timeoutMs));
  });
}
