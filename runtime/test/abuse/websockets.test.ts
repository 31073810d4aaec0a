// Issue 12, item 7 (and the 1,000 websockets that held): messages and queues are bounded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { healthy, MiB, startServer, type AbuseServer } from "./server.ts";

let server: AbuseServer;
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(() => server?.stop());

function open(path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}${path}`, { maxPayload: 64 * MiB });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
const reply = (ws: WebSocket) => new Promise<string>((resolve) => ws.once("message", (d) => resolve(d.toString())));

describe("websockets (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("a message over 16 MiB closes the connection with 1009; one under it is received", async () => {
    const ws = await open("/ws");
    const answer = reply(ws);
    ws.send("x".repeat(MiB));
    expect(await answer).toBe(`received ${MiB} characters`);
    const code = closed(ws);
    ws.send("x".repeat(17 * MiB));
    expect(await code).toBe(1009);
    expect(await healthy(server)).toBe(true);
  });

  it("an app that does not read: reading pauses after 32 queued messages, memory stays flat", async () => {
    const before = await server.memory();
    const ws = await open("/ws-sink");
    const piece = "y".repeat(MiB);
    // Up to 200 MiB offered, 8 MiB in flight at most. Once the server has queued 32 messages it stops reading, TCP
    // pushes back, and the client's buffer stops draining: that stall (not a wall-clock budget) ends the loop.
    let sent = 0;
    let stalled = false;
    while (sent < 200 && !stalled) {
      ws.send(piece);
      sent++;
      let last = ws.bufferedAmount;
      let still = 0;
      while (ws.bufferedAmount > 8 * MiB && !stalled) {
        await new Promise((r) => setTimeout(r, 50));
        still = ws.bufferedAmount === last ? still + 50 : 0;
        last = ws.bufferedAmount;
        stalled = still >= 2000;
      }
    }
    expect(stalled).toBe(true); // the server stopped reading before taking 200 MiB
    expect(sent).toBeLessThan(200);
    expect((await server.memory()).maxRss - before.rss).toBeLessThan(100 * MiB);
    ws.terminate();
    expect(await healthy(server)).toBe(true);
  });

  it("1,000 websockets at once are each served, then the server still answers", async () => {
    const sockets = await Promise.all(Array.from({ length: 1000 }, () => open("/ws")));
    const answers = await Promise.all(sockets.map((ws, i) => {
      const a = reply(ws);
      ws.send(`n${i}`);
      return a;
    }));
    expect(answers).toEqual(sockets.map((_, i) => `n${i}`));
    await Promise.all(sockets.map((ws) => {
      const c = closed(ws);
      ws.close();
      return c;
    }));
    expect(await healthy(server)).toBe(true);
  }, 30_000);
});
