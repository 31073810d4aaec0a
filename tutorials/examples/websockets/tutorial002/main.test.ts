import { describe, it, expect } from "vitest";
import { TestClient, WebSocketDisconnect } from "fastapi-ts";
import { app } from "./main.ts";

describe("websockets/tutorial002", () => {
  it("serves the page", async () => {
    const client = new TestClient(app);
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.text).toContain("<!DOCTYPE html>");
  });

  it("accepts a session cookie", async () => {
    const client = new TestClient(app, { cookies: { session: "fakesession" } });
    const websocket = await client.websocketConnect("/items/foo/ws");
    for (const message of ["Message one", "Message two"]) {
      websocket.sendText(message);
      expect(await websocket.receiveText()).toBe("Session cookie or query token value is: fakesession");
      expect(await websocket.receiveText()).toBe(`Message text was: ${message}, for item ID: foo`);
    }
    await websocket.close();
  });

  it("accepts a token in the query", async () => {
    const client = new TestClient(app);
    const websocket = await client.websocketConnect("/items/bar/ws?token=some-token");
    for (const message of ["Message one", "Message two"]) {
      websocket.sendText(message);
      expect(await websocket.receiveText()).toBe("Session cookie or query token value is: some-token");
      expect(await websocket.receiveText()).toBe(`Message text was: ${message}, for item ID: bar`);
    }
    await websocket.close();
  });

  it("validates and uses the optional q", async () => {
    const client = new TestClient(app);
    const websocket = await client.websocketConnect("/items/2/ws?q=3&token=some-token");
    for (const message of ["Message one", "Message two"]) {
      websocket.sendText(message);
      expect(await websocket.receiveText()).toBe("Session cookie or query token value is: some-token");
      expect(await websocket.receiveText()).toBe("Query parameter q is: 3");
      expect(await websocket.receiveText()).toBe(`Message text was: ${message}, for item ID: 2`);
    }
    await websocket.close();
  });

  it("closes with 1008 before accepting when there is neither cookie nor token", async () => {
    const client = new TestClient(app);
    const error = await client.websocketConnect("/items/foo/ws").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebSocketDisconnect);
    expect((error as WebSocketDisconnect).code).toBe(1008);
  });

  it("closes with 1008 before accepting when q is not an integer", async () => {
    const client = new TestClient(app);
    const error = await client.websocketConnect("/items/foo/ws?q=bar&token=some-token").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebSocketDisconnect);
    expect((error as WebSocketDisconnect).code).toBe(1008);
  });
});
