// Issue 12, items 1, 2 and 8 (client aborts): a fault in user code fails its own request, never the server.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { healthy, raw, startServer, type AbuseServer } from "./server.ts";

let server: AbuseServer;
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(() => server?.stop());

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

function echo(ws: WebSocket, text: string): Promise<string> {
  return new Promise((resolve) => {
    ws.once("message", (data) => resolve(data.toString()));
    ws.send(text);
  });
}

describe("faults of user code (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("a stream whose generator throws mid-stream cuts only its own connection: the client sees the truncation", async () => {
    const ws = await openSocket(`${server.url.replace("http", "ws")}/ws`);
    const slow = Array.from({ length: 5 }, () => fetch(`${server.url}/slow`).then((r) => r.json()));
    const r = await fetch(`${server.url}/stream-fails`);
    expect(r.status).toBe(200);
    const reader = r.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first chunk\n");
    // No terminating chunk: the body ends in an error, not a clean (false) end.
    await expect((async () => { for (;;) if ((await reader.read()).done) return "clean end"; })()).rejects.toThrow();
    for (const s of await Promise.all(slow)) expect(s).toEqual({ slow: true });
    expect(await echo(ws, "still open")).toBe("still open");
    ws.close();
    await server.waitFor(/Exception while streaming the response of GET \/stream-fails \(its connection was closed\)/);
    expect(server.output()).toContain("the generator failed mid-stream");
    expect(server.output()).not.toContain("ERR_STREAM_WRITE_AFTER_END");
    expect(server.child.exitCode).toBeNull();
    expect(await healthy(server)).toBe(true);
  });

  it("a response Node cannot write (status 1000) is a logged 500, and the server keeps serving", async () => {
    const r = await fetch(`${server.url}/bad-status`);
    expect(r.status).toBe(500);
    expect(await r.text()).toBe("Internal Server Error");
    await server.waitFor(/Exception in the app while handling GET \/bad-status/);
    expect(server.output()).toContain("ERR_HTTP_INVALID_STATUS_CODE");
    expect(server.child.exitCode).toBeNull();
    expect(await healthy(server)).toBe(true);
  });

  it("a promise nobody awaited is logged with its request; the server keeps serving", async () => {
    const r = await fetch(`${server.url}/floating`);
    expect(await r.json()).toEqual({ ok: true });
    await server.waitFor(/Unhandled promise rejection while handling GET \/floating \(the server keeps serving\)/);
    expect(server.output()).toContain("a promise nobody awaited");
    expect(server.child.exitCode).toBeNull();
    expect(await healthy(server)).toBe(true);
  });

  it("a throw in a timer started by a background task is logged with its request; the server keeps serving", async () => {
    const r = await fetch(`${server.url}/background-timer`, { method: "POST" });
    expect(await r.json()).toEqual({ ok: true });
    await server.waitFor(/Uncaught exception while handling POST \/background-timer \(the server keeps serving\)/);
    expect(server.output()).toContain("a timer of a background task threw");
    expect(server.child.exitCode).toBeNull();
    expect(await healthy(server)).toBe(true);
  });

  it.each([["large", 1024 * 1024], ["small (read before the app is called)", 1000]])("a client that aborts while sending its %s body is logged in one line, without a stack", async (_, length) => {
    const before = server.output().length;
    await new Promise<void>((resolve) => {
      const req = request(`${server.url}/form`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(length) } });
      req.on("error", () => resolve());
      req.write("a=1&b=2&");
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    await server.waitFor(/Client disconnected before sending the whole body: POST \/form/);
    const logged = server.output().slice(before);
    expect(logged.trim().split("\n")).toEqual(["Client disconnected before sending the whole body: POST /form"]);
    expect(await healthy(server)).toBe(true);
  });
});

describe("a docs-asset name that is a key of Object.prototype", { timeout: 30_000 }, () => {
  // `docsAssets[name]` found `constructor` on Object.prototype, and the TypeError it led to was thrown before the
  // listener's try: an exception "outside any request", so the server shut down (found by probing, 2026-12-07).
  it.each([
    ["GET constructor", "GET /_fastapi-ts/assets/constructor HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"],
    ["GET __proto__", "GET /_fastapi-ts/assets/__proto__ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"],
    ["HEAD toString", "HEAD /_fastapi-ts/assets/toString HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"],
    ["GET constructor with a small body", "GET /_fastapi-ts/assets/constructor HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx"],
  ])("%s: a 404 like any unknown asset, and the server keeps serving", async (_, request) => {
    const r = await raw(server.port, request, 3000);
    expect(r.status).toBe(404);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain("outside any request");
    expect(await healthy(server)).toBe(true);
  });
});

describe("a fault outside any request", { timeout: 30_000 }, () => {
  it("is logged, then the server shuts down gracefully and exits with code 1 for its process manager to restart", async () => {
    const own = await startServer({ env: { ABUSE_THROW_OUTSIDE: "300" } });
    try {
      expect(await own.exited()).toBe(1);
      expect(own.output()).toContain("Uncaught exception outside any request: shutting down so that a fresh process takes over (exit code 1)");
      expect(own.output()).toContain("a timer outside any request threw");
    } finally {
      await own.stop();
    }
  }, 30_000);
});
