import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const events = [
  'data: {"name":"Plumbus","description":"A multi-purpose household device."}',
  'data: {"name":"Portal Gun","description":"A portal opening device."}',
  'data: {"name":"Meeseeks Box","description":"A box that summons a Meeseeks."}',
];

const eventFields = { event: { type: "string" }, id: { type: "string" }, retry: { type: "integer", minimum: 0 } };
const withItem = {
  type: "object",
  properties: { data: { type: "string", contentMediaType: "application/json", contentSchema: { $ref: "#/components/schemas/Item" } }, ...eventFields },
  required: ["data"],
};
const withoutModel = { type: "object", properties: { data: { type: "string" }, ...eventFields } };

describe("server_sent_events/tutorial001", () => {
  for (const path of ["/items/stream", "/items/stream-no-async", "/items/stream-no-annotation", "/items/stream-no-async-no-annotation"]) {
    it(`GET ${path} sends each item as the JSON data of one event`, async () => {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.text).toBe(events.map((line) => `${line}\n\n`).join(""));
    });
  }

  it("documents one event of the stream, with the item model as its data when declared", async () => {
    const { paths, components } = (await client.get("/openapi.json")).json<{ paths: Record<string, { get: { responses: Record<string, { content: unknown }> } }>; components: unknown }>();
    const itemSchemaOf = (path: string) => paths[path]!.get.responses["200"]!.content;
    expect(itemSchemaOf("/items/stream")).toEqual({ "text/event-stream": { itemSchema: withItem } });
    expect(itemSchemaOf("/items/stream-no-async")).toEqual({ "text/event-stream": { itemSchema: withItem } });
    expect(itemSchemaOf("/items/stream-no-annotation")).toEqual({ "text/event-stream": { itemSchema: withoutModel } });
    expect(itemSchemaOf("/items/stream-no-async-no-annotation")).toEqual({ "text/event-stream": { itemSchema: withoutModel } });
    expect(paths["/items/stream"]!.get).toMatchObject({ summary: "Sse Items", operationId: "sse_items_items_stream_get" });
    expect(components).toEqual({
      schemas: {
        Item: {
          properties: { name: { type: "string", title: "Name" }, description: { anyOf: [{ type: "string" }, { type: "null" }], title: "Description" } },
          type: "object",
          required: ["name", "description"],
          title: "Item",
        },
      },
    });
  });
});
