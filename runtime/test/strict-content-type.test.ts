import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI, TestClient } from "../src/index.ts";

function appWith(strictContentType?: boolean): FastAPI {
  const app = new FastAPI(strictContentType === undefined ? {} : { strictContentType });
  app.post("/items/", { params: { item: z.object({ name: z.string() }) } }, async function create_item({ item }) {
    return item;
  });
  return app;
}

describe("strictContentType", () => {
  it("TestClient sends raw content without a content type, as httpx does", async () => {
    const app = new FastAPI();
    app.post("/echo", { params: {} }, async function echo() {
      return null;
    });
    let seen: string | null = "unset";
    app.middleware("http", async (request, callNext) => {
      seen = request.headers.get("content-type");
      return callNext(request);
    });
    await new TestClient(app).post("/echo", { content: "{}" });
    expect(seen).toBeNull();
  });

  it("by default, a JSON body without a content type is not parsed (422)", async () => {
    const response = await new TestClient(appWith()).post("/items/", { content: '{"name":"Foo"}' });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ detail: [{ type: "model_attributes_type", loc: ["body"], input: '{"name":"Foo"}' }] });
  });

  it("strictContentType: false parses a body without a content type as JSON, and still refuses other types", async () => {
    const client = new TestClient(appWith(false));
    expect((await client.post("/items/", { content: '{"name":"Foo"}' })).json()).toEqual({ name: "Foo" });
    expect((await client.post("/items/", { content: '{"name":"Foo"}', headers: { "content-type": "text/plain" } })).status).toBe(422);
    expect((await client.post("/items/", { content: '{"name":"Foo"}', headers: { "content-type": "application/merge-patch+json" } })).json()).toEqual({ name: "Foo" });
  });
});
