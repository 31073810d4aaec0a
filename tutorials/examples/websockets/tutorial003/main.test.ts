import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, html } from "./main.ts";

const client = new TestClient(app);

describe("websockets/tutorial003", () => {
  it("serves the chat page", async () => {
    const response = await client.get("/");
    expect(response.text).toBe(html);
  });

  it("broadcasts messages and tells the others when a client leaves", async () => {
    await using connection = await client.websocketConnect("/ws/1234");
    const connection_two = await client.websocketConnect("/ws/5678");
    connection.sendText("Hello from 1234");
    expect(await connection.receiveText()).toBe("You wrote: Hello from 1234");
    const client1_says = "Client #1234 says: Hello from 1234";
    expect(await connection_two.receiveText()).toBe(client1_says);
    expect(await connection.receiveText()).toBe(client1_says);
    await connection_two.close();
    expect(await connection.receiveText()).toBe("Client #5678 left the chat");
  });
});
