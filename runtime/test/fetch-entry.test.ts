import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI, WebSocket } from "../src/index.ts";

describe("app.fetch as hosts call it", () => {
  const app = new FastAPI();
  app.get("/items/{item_id}", { params: { item_id: z.int() } }, async function read_item({ item_id }) {
    return { item_id };
  });
  app.websocket("/ws", { params: { websocket: WebSocket } }, async function ws({ websocket }) {
    await websocket.accept();
  });

  it("works unbound, as Bun.serve({ fetch: app.fetch }) and Deno.serve(app.fetch) call it", async () => {
    const { fetch } = app;
    const bunLike = { fetch };
    const response = await bunLike.fetch(new Request("http://localhost/items/3"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ item_id: 3 });
  });

  it("refuses a WebSocket handshake with a 501 that says where websockets are served", async () => {
    const response = await app.fetch(new Request("http://localhost/ws", { headers: { upgrade: "websocket", connection: "upgrade" } }));
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({ detail: "WebSocket endpoints are served by fastapi-ts/node (serve(app) or the fastapi-ts CLI); app.fetch answers HTTP requests only" });
  });
});
