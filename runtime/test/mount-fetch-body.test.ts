import { describe, expect, it } from "vitest";
import { FastAPI, TestClient } from "../src/index.ts";

describe("mounting a fetch app built on a fetch polyfill", () => {
  it("streams a response body of another stream class (same reader interface)", async () => {
    // What @whatwg-node/fetch's Response gives on Node: a body that is not the global ReadableStream.
    const chunks = [new TextEncoder().encode('{"ok":'), new TextEncoder().encode("true}")];
    const foreignBody = {
      getReader: () => ({
        read: async () => (chunks.length ? { done: false as const, value: chunks.shift()! } : { done: true as const, value: undefined }),
        cancel: async () => {},
      }),
    };
    const polyfilled = {
      fetch: async () => ({ status: 201, headers: new Headers({ "content-type": "application/json" }), body: foreignBody }) as unknown as Response,
    };
    const app = new FastAPI();
    app.mount("/sub", polyfilled);
    const response = await new TestClient(app).get("/sub/x");
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ ok: true });
  });
});
