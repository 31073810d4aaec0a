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

describe("websockets (abuse suite, real CLI server)", () => {
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
    // 300 MiB offered; the server takes ~32 MiB and lets TCP push back the rest (bounded in time here).
    const deadline = Date.now() + 3000;
    for (let i = 0; i < 300 && Date.now() < deadline; i++) {
      ws.send(piece);
      while (ws.bufferedAmount > 8 * MiB && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    expect(ws.bufferedAmount).toBeGreaterThan(0); // the server stopped reading
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
