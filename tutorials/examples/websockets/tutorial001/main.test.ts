import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("websockets/tutorial001", () => {
  it("serves the chat page", async () => {
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.text).toContain("<!DOCTYPE html>");
  });

  it("echoes every message over the same connection", async () => {
    const websocket = await client.websocketConnect("/ws");
    for (const message of ["Message one", "Message two"]) {
      websocket.sendText(message);
      expect(await websocket.receiveText()).toBe(`Message text was: ${message}`);
    }
    // Closing ends the endpoint's loop with a WebSocketDisconnect, which fastapi-ts treats as a normal end.
    await websocket.close();
  });
});
