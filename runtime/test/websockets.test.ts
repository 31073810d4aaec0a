import { describe, expect, it } from "vitest";
import { WebSocket as WsClient } from "ws";
import { z } from "zod";
import {
  APIRouter, Cookie, Depends, dependency, FastAPI, Header, Query, TestClient, WebSocket, WebSocketDisconnect, WebSocketException, status,
} from "../src/index.ts";
import { withServer } from "./helpers.ts";

function chatApp(): FastAPI {
  const app = new FastAPI();
  const connections = new Set<WebSocket>();
  app.websocket("/ws/{client_id}", { params: { websocket: WebSocket, client_id: z.int() } }, async function chat({ websocket, client_id }) {
    await websocket.accept();
    connections.add(websocket);
    try {
      for (;;) {
        const data = await websocket.receiveText();
        await websocket.sendText(`You wrote: ${data}`);
        for (const c of connections) if (c !== websocket) await c.sendText(`Client #${client_id} says: ${data}`);
      }
    } catch (e) {
      if (!(e instanceof WebSocketDisconnect)) throw e;
      connections.delete(websocket);
      for (const c of connections) await c.sendText(`Client #${client_id} left the chat`);
    }
  });
  return app;
}

const getCookieOrToken = dependency(
  { params: { websocket: WebSocket, session: Cookie(z.string().optional()), token: Query(z.string().optional()) } },
  async function get_cookie_or_token({ session, token }) {
    if (session === undefined && token === undefined) throw new WebSocketException(status.WS_1008_POLICY_VIOLATION);
    return session ?? token!;
  },
);

function itemsApp(): FastAPI {
  const app = new FastAPI();
  app.websocket("/items/{item_id}/ws", {
    params: { websocket: WebSocket, item_id: z.string(), q: Query(z.int().optional()), cookie_or_token: Depends(getCookieOrToken) },
  }, async function websocket_endpoint({ websocket, item_id, q, cookie_or_token }) {
    await websocket.accept();
    for await (const data of websocket.iterText()) {
      await websocket.sendText(`Session cookie or query token value is: ${cookie_or_token}`);
      if (q !== undefined) await websocket.sendText(`Query parameter q is: ${q}`);
      await websocket.sendText(`Message text was: ${data}, for item ID: ${item_id}`);
    }
  });
  return app;
}

describe("websockets through the TestClient", () => {
  it("echoes text, bytes and JSON, and iterates until the client closes", async () => {
    const app = new FastAPI();
    const log: string[] = [];
    app.websocket("/echo", { params: { websocket: WebSocket, x_token: Header(z.string().default("none")) } }, async function echo({ websocket, x_token }) {
      await websocket.accept({ subprotocol: websocket.subprotocols.includes("json") ? "json" : null, headers: { "x-extra": "1" } });
      await websocket.sendJson({ token: x_token });
      const bytes = await websocket.receiveBytes();
      await websocket.sendBytes(bytes.reverse());
      const json = await websocket.receiveJson<{ n: number }>();
      await websocket.sendJson({ n: json.n + 1 });
      for await (const m of websocket) log.push(typeof m === "string" ? m : "bytes");
      log.push(`state ${websocket.clientState}`);
    });
    const client = new TestClient(app);
    const ws = await client.websocketConnect("/echo", { headers: { "x-token": "abc" }, subprotocols: ["json", "other"] });
    expect(ws.acceptedSubprotocol).toBe("json");
    expect(ws.extraHeaders.get("x-extra")).toBe("1");
    expect(await ws.receiveJson()).toEqual({ token: "abc" });
    ws.sendBytes(new Uint8Array([1, 2, 3]));
    expect([...(await ws.receiveBytes())]).toEqual([3, 2, 1]);
    ws.sendJson({ n: 41 });
    expect(await ws.receiveJson()).toEqual({ n: 42 });
    ws.sendText("a");
    ws.sendText("b");
    await ws.close();
    expect(log).toEqual(["a", "b", "state DISCONNECTED"]);
  });

  it("solves query, cookie and Depends; a failing dependency closes with 1008 before accepting", async () => {
    const client = new TestClient(itemsApp());
    const ws = await client.websocketConnect("/items/foo/ws", { params: { q: 3 }, cookies: { session: "fakesession" } });
    ws.sendText("Hello");
    expect(await ws.receiveText()).toBe("Session cookie or query token value is: fakesession");
    expect(await ws.receiveText()).toBe("Query parameter q is: 3");
    expect(await ws.receiveText()).toBe("Message text was: Hello, for item ID: foo");
    await ws.close();
    const rejected = await client.websocketConnect("/items/foo/ws").catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(WebSocketDisconnect);
    expect((rejected as WebSocketDisconnect).code).toBe(1008);
  });

  it("closes with 1008 and the errors when declared parameters do not validate", async () => {
    const client = new TestClient(itemsApp());
    const e = await client.websocketConnect("/items/foo/ws", { params: { q: "bar", token: "t" } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WebSocketDisconnect);
    expect((e as WebSocketDisconnect).code).toBe(1008);
    expect((e as WebSocketDisconnect).reason).toContain("int_parsing");
  });

  it("closes unknown paths before accepting, raises endpoint errors into the test, and sees the app's close", async () => {
    const app = new FastAPI();
    app.websocket("/boom", { params: { websocket: WebSocket } }, async function boom({ websocket }) {
      await websocket.accept();
      await websocket.receiveText();
      throw new Error("kaboom");
    });
    app.websocket("/bye", { params: { websocket: WebSocket } }, async function bye({ websocket }) {
      await websocket.accept();
      await websocket.close(4001, "bye now");
    });
    const client = new TestClient(app);
    await expect(client.websocketConnect("/nowhere")).rejects.toBeInstanceOf(WebSocketDisconnect);
    const ws = await client.websocketConnect("/boom");
    ws.sendText("go");
    await expect(ws.receiveText()).rejects.toThrow("kaboom");
    const b = await client.websocketConnect("/bye");
    const closed = await b.receiveText().catch((x: unknown) => x);
    expect(closed).toBeInstanceOf(WebSocketDisconnect);
    expect([(closed as WebSocketDisconnect).code, (closed as WebSocketDisconnect).reason]).toEqual([4001, "bye now"]);
  });

  it("routes websockets of included routers with their prefix and dependencies", async () => {
    const seen: string[] = [];
    const router = new APIRouter({ prefix: "/r", dependencies: [Depends(() => { seen.push("router dep"); })] });
    router.websocket("/ws", { params: { websocket: WebSocket } }, async function ws_in_router({ websocket }) {
      await websocket.accept();
      await websocket.sendText("from router");
    });
    const app = new FastAPI();
    app.includeRouter(router, { prefix: "/api" });
    const client = new TestClient(app);
    const ws = await client.websocketConnect("/api/r/ws");
    expect(await ws.receiveText()).toBe("from router");
    expect(seen).toEqual(["router dep"]);
    expect(app.urlPathFor("ws_in_router")).toBe("/api/r/ws");
  });

  it("runs a chat between two TestClient sessions", async () => {
    const client = new TestClient(chatApp());
    const a = await client.websocketConnect("/ws/1");
    const b = await client.websocketConnect("/ws/2");
    a.sendText("hi");
    expect(await a.receiveText()).toBe("You wrote: hi");
    expect(await b.receiveText()).toBe("Client #1 says: hi");
    await a.close();
    expect(await b.receiveText()).toBe("Client #1 left the chat");
    await b.close();
  });
});

function connect(url: string, protocols?: string[]): Promise<{ ws: WsClient; next: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const ws = new WsClient(url, protocols);
    const inbox: string[] = [];
    const waiters: ((m: string) => void)[] = [];
    ws.on("message", (data) => {
      const m = data.toString();
      const w = waiters.shift();
      if (w) w(m);
      else inbox.push(m);
    });
    ws.once("open", () => resolve({ ws, next: () => (inbox.length ? Promise.resolve(inbox.shift()!) : new Promise((r) => waiters.push(r))) }));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

describe("websockets on the Node server (ws)", () => {
  it("runs a chat between two real clients on the same server as HTTP", async () => {
    const app = chatApp();
    app.get("/", async function root() { return { http: true }; });
    await withServer(app, async (base) => {
      expect(await (await fetch(base)).json()).toEqual({ http: true });
      const wsBase = base.replace("http", "ws");
      const a = await connect(`${wsBase}/ws/1`);
      const b = await connect(`${wsBase}/ws/2`);
      a.ws.send("hello");
      expect(await a.next()).toBe("You wrote: hello");
      expect(await b.next()).toBe("Client #1 says: hello");
      const closed = new Promise<void>((r) => a.ws.once("close", () => r()));
      a.ws.close();
      await closed;
      expect(await b.next()).toBe("Client #1 left the chat");
      b.ws.close();
    });
  });

  it("negotiates the subprotocol, rejects invalid handshakes with 403, and reports the app's close code", async () => {
    const app = itemsApp();
    app.websocket("/proto", { params: { websocket: WebSocket } }, async function proto({ websocket }) {
      await websocket.accept({ subprotocol: "chat.v2" });
      await websocket.sendText(websocket.subprotocols.join(","));
      await websocket.close(4000, "done");
    });
    await withServer(app, async (base) => {
      const wsBase = base.replace("http", "ws");
      const p = await connect(`${wsBase}/proto`, ["chat.v1", "chat.v2"]);
      expect(p.ws.protocol).toBe("chat.v2");
      expect(await p.next()).toBe("chat.v1,chat.v2");
      const code = await new Promise<[number, string]>((r) => p.ws.once("close", (c, reason) => r([c, reason.toString()])));
      expect(code).toEqual([4000, "done"]);
      await expect(connect(`${wsBase}/items/foo/ws`)).rejects.toThrow("HTTP 403");
      await expect(connect(`${wsBase}/nowhere`)).rejects.toThrow("HTTP 403");
      const ok = await connect(`${wsBase}/items/foo/ws?token=tok`);
      ok.ws.send("x");
      expect(await ok.next()).toBe("Session cookie or query token value is: tok");
      ok.ws.close();
    });
  });
});
