import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("app_testing/tutorial002", () => {
  it("reads the main page", async () => {
    const client = new TestClient(app);
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ msg: "Hello World" });
  });

  it("receives the WebSocket's greeting", async () => {
    const client = new TestClient(app);
    await using websocket = await client.websocketConnect("/ws");
    const data = await websocket.receiveJson();
    expect(data).toEqual({ msg: "Hello WebSocket" });
  });
});
