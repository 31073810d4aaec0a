import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Depends, FastAPI, ResponseValidationError, StreamingResponse, TestClient } from "../src/index.ts";

describe("streaming path operations (generator handlers)", () => {
  it("sends JSON Lines by default, each item through the response model", async () => {
    const app = new FastAPI();
    const Item = z.object({ name: z.string(), price: z.number().default(0) });
    app.get("/items", { responseModel: Item }, async function* items() {
      yield { name: "a", extra: true };
      yield { name: "b", price: 2 };
    });
    const response = await new TestClient(app).get("/items");
    expect(response.headers.get("content-type")).toBe("application/jsonl");
    expect(response.text).toBe('{"name":"a","price":0}\n{"name":"b","price":2}\n');
  });

  it("stops at an item the model rejects, and still runs the generator's finally", async () => {
    const app = new FastAPI();
    let cleaned = false;
    app.get("/items", { responseModel: z.object({ name: z.string() }) }, async function* items() {
      try {
        yield { name: "ok" };
        yield { name: 42 };
        yield { name: "never sent" };
      } finally {
        cleaned = true;
      }
    });
    const response = await app.fetch(new Request("http://localhost/items"));
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"name":"ok"}\n');
    await expect(reader.read()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(cleaned).toBe(true);
  });

  it("hands raw chunks to another response class, as is", async () => {
    const app = new FastAPI();
    app.get("/text", { responseClass: StreamingResponse }, function* text() {
      yield "a";
      yield new Uint8Array([98]);
    });
    const response = await new TestClient(app).get("/text");
    expect(response.text).toBe("ab");
    expect(response.headers.get("content-type")).toBeNull();
  });

  it("keeps a request-scoped yield dependency open until the stream has been sent", async () => {
    const app = new FastAPI();
    const log: string[] = [];
    async function* resource() {
      log.push("open");
      try {
        yield "resource";
      } finally {
        log.push("closed");
      }
    }
    app.get("/items", { params: { r: Depends(resource) } }, async function* items({ r }) {
      log.push(`item from ${r}`);
      yield 1;
      log.push("last item");
      yield 2;
    });
    const response = await new TestClient(app).get("/items");
    expect(response.text).toBe("1\n2\n");
    expect(log).toEqual(["open", "item from resource", "last item", "closed"]);
  });

  it("streams a generator object returned by a plain function (a wrapped handler)", async () => {
    const app = new FastAPI();
    async function* numbers() {
      yield 1;
      yield 2;
    }
    app.get("/n", async function n() {
      return numbers();
    });
    const response = await new TestClient(app).get("/n");
    expect(response.headers.get("content-type")).toBe("application/jsonl");
    expect(response.text).toBe("1\n2\n");
  });

  it("does not stream arrays or sets returned by a generator-free handler", async () => {
    const app = new FastAPI();
    app.get("/list", async function list() {
      return new Set([1, 2]);
    });
    const response = await new TestClient(app).get("/list");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.json()).toEqual([1, 2]);
  });
});
