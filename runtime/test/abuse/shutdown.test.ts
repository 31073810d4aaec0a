// Issue 12, item 6: a graceful shutdown always ends: stuck connections are closed or cut within the timeout.
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { startServer } from "./server.ts";

function openRaw(port: number, text: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(text);
      resolve({ socket, closed: new Promise((done) => socket.once("close", () => done(performance.now()))) });
    });
    socket.on("error", () => {});
    socket.on("data", () => {});
  });
}

describe("graceful shutdown (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("SIGTERM with partial headers, a partial body and an endless stream open: exits within --timeout-graceful-shutdown", async () => {
    const server = await startServer({ args: ["--timeout-graceful-shutdown", "1"] });
    try {
      const headers = await openRaw(server.port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      const body = await openRaw(server.port, "POST /form HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\na=1&");
      const stream = await openRaw(server.port, "GET /endless HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      const idle = await openRaw(server.port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); // answered, then kept alive
      const inFlight = fetch(`${server.url}/slow`).then((r) => r.json());
      await new Promise((r) => setTimeout(r, 150));
      const sent = performance.now();
      server.child.kill("SIGTERM");
      // In-flight requests finish; idle and half-sent-headers connections are closed at once.
      expect(await inFlight).toEqual({ slow: true });
      expect((await headers.closed) - sent).toBeLessThan(900);
      expect((await idle.closed) - sent).toBeLessThan(900);
      expect(await server.exited()).toBe(0);
      const took = performance.now() - sent;
      // The stuck body and the endless stream were cut at the deadline (1 s), then the process exited.
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(1000 + 2000);
      expect((await body.closed) - sent).toBeGreaterThanOrEqual(900);
      expect((await stream.closed) - sent).toBeGreaterThanOrEqual(900);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
