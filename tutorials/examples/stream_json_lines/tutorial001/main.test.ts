import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const items = [
  { name: "Plumbus", description: "A multi-purpose household device." },
  { name: "Portal Gun", description: "A portal opening device." },
  { name: "Meeseeks Box", description: "A box that summons a Meeseeks." },
];

describe("stream_json_lines/tutorial001", () => {
  for (const path of ["/items/stream", "/items/stream-no-async", "/items/stream-no-annotation", "/items/stream-no-async-no-annotation"]) {
    it(`GET ${path} sends one JSON object a line`, async () => {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/jsonl");
      expect(response.text).toBe(items.map((item) => `${JSON.stringify(item)}\n`).join(""));
      expect(response.text.trim().split("\n").map((line) => JSON.parse(line))).toEqual(items);
    });
  }

  it("documents the schema of one line: the item model, or anything without one", async () => {
    const { paths, components } = (await client.get("/openapi.json")).json<{ paths: Record<string, { get: { responses: Record<string, unknown> } }>; components: unknown }>();
    const item = { $ref: "#/components/schemas/Item" };
    expect(paths["/items/stream"]!.get).toEqual({
      summary: "Stream Items",
      operationId: "stream_items_items_stream_get",
      responses: { 200: { description: "Successful Response", content: { "application/jsonl": { itemSchema: item } } } },
    });
    expect(paths["/items/stream-no-async"]!.get.responses).toEqual({ 200: { description: "Successful Response", content: { "application/jsonl": { itemSchema: item } } } });
    expect(paths["/items/stream-no-annotation"]!.get.responses).toEqual({ 200: { description: "Successful Response", content: { "application/jsonl": { itemSchema: {} } } } });
    expect(paths["/items/stream-no-async-no-annotation"]!.get.responses).toEqual({ 200: { description: "Successful Response", content: { "application/jsonl": { itemSchema: {} } } } });
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
