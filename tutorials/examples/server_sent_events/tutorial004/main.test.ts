import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

const idsOf = (text: string) => text.split("\n").filter((line) => line.startsWith("id: "));

describe("server_sent_events/tutorial004", () => {
  it("sends every item, each with its id, to a new client", async () => {
    const response = await client.get("/items/stream");
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      'data: {"name":"Plumbus","price":32.99}\nid: 0\n\n'
      + 'data: {"name":"Portal Gun","price":999.99}\nid: 1\n\n'
      + 'data: {"name":"Meeseeks Box","price":49.99}\nid: 2\n\n',
    );
  });

  it("resumes after the Last-Event-ID a reconnecting client sends", async () => {
    expect(idsOf((await client.get("/items/stream", { headers: { "last-event-id": "0" } })).text)).toEqual(["id: 1", "id: 2"]);
    expect(idsOf((await client.get("/items/stream", { headers: { "last-event-id": "1" } })).text)).toEqual(["id: 2"]);
    expect((await client.get("/items/stream", { headers: { "last-event-id": "2" } })).text).toBe("");
  });

  it("answers 422 for a Last-Event-ID that is not an integer", async () => {
    const response = await client.get("/items/stream", { headers: { "last-event-id": "abc" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "int_parsing", loc: ["header", "last-event-id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "abc" }],
    });
  });

  it("documents the header", async () => {
    const { paths } = (await client.get("/openapi.json")).json<{ paths: Record<string, { get: { parameters: unknown } }> }>();
    expect(paths["/items/stream"]!.get.parameters).toEqual([
      { name: "last-event-id", in: "header", required: false, schema: { anyOf: [{ type: "integer" }, { type: "null" }], title: "Last-Event-Id" } },
    ]);
  });
});
