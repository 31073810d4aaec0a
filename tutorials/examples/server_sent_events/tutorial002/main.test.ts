import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("server_sent_events/tutorial002", () => {
  it("sends a comment, then events with their type, id and retry", async () => {
    const response = await client.get("/items/stream");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.text).toBe(
      ": stream of item updates\n\n"
      + 'event: item_update\ndata: {"name":"Plumbus","price":32.99}\nid: 1\nretry: 5000\n\n'
      + 'event: item_update\ndata: {"name":"Portal Gun","price":999.99}\nid: 2\nretry: 5000\n\n'
      + 'event: item_update\ndata: {"name":"Meeseeks Box","price":49.99}\nid: 3\nretry: 5000\n\n',
    );
  });

  it("documents the event fields", async () => {
    const { paths } = (await client.get("/openapi.json")).json<{ paths: Record<string, { get: object }> }>();
    expect(paths["/items/stream"]!.get).toEqual({
      summary: "Stream Items",
      operationId: "stream_items_items_stream_get",
      responses: {
        200: {
          description: "Successful Response",
          content: {
            "text/event-stream": {
              itemSchema: {
                type: "object",
                properties: { data: { type: "string" }, event: { type: "string" }, id: { type: "string" }, retry: { type: "integer", minimum: 0 } },
              },
            },
          },
        },
      },
    });
  });
});
