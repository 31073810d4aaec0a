import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("server_sent_events/tutorial005", () => {
  it("streams the words of a posted prompt, then a raw [DONE]", async () => {
    const response = await client.post("/chat/stream", { json: { text: "hello world" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.text).toBe('event: token\ndata: "hello"\n\nevent: token\ndata: "world"\n\nevent: done\ndata: [DONE]\n\n');
  });

  it("validates the body before streaming", async () => {
    const response = await client.post("/chat/stream", { json: {} });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "text"], msg: "Field required", input: {} }] });
  });

  it("documents the request body and the event stream", async () => {
    const { paths } = (await client.get("/openapi.json")).json<{ paths: Record<string, { post: { requestBody: unknown; responses: Record<string, unknown> } }> }>();
    const op = paths["/chat/stream"]!.post;
    expect(op.requestBody).toEqual({ content: { "application/json": { schema: { $ref: "#/components/schemas/Prompt" } } }, required: true });
    expect(Object.keys(op.responses)).toEqual(["200", "422"]);
  });
});
