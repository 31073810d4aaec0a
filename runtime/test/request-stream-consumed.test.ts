// A body streamed with `request.stream()` is gone: reading it again raises "Stream consumed", as Starlette's Request
// does (its RuntimeError is a 500). It used to come back empty, so an app that streamed then read saw no body and
// carried on with wrong data.
import { describe, expect, it } from "vitest";
import { FastAPI, Request } from "../src/index.ts";
import { withServer } from "./helpers.ts";

function post(body: string): Request {
  return new Request({ method: "POST", url: "http://test/upload", headers: new Headers({ "content-length": String(body.length) }), body: new Blob([body]).stream() });
}

async function drain(request: Request): Promise<number> {
  let size = 0;
  for await (const chunk of request.stream()) size += chunk.byteLength;
  return size;
}

describe("request.stream() consumes the body", () => {
  it("then body(), text(), json() and stream() raise Stream consumed", async () => {
    const request = post('{"a":1}');
    expect(await drain(request)).toBe(7);
    await expect(request.body()).rejects.toThrow("Stream consumed");
    await expect(request.text()).rejects.toThrow("Stream consumed");
    await expect(request.json()).rejects.toThrow("Stream consumed");
    await expect(drain(request)).rejects.toThrow("Stream consumed");
  });

  it("a body read first can still be streamed, and read again", async () => {
    const request = post("hello");
    expect(new TextDecoder().decode(await request.body())).toBe("hello");
    expect(await drain(request)).toBe(5);
    expect(await drain(request)).toBe(5);
    expect(await request.text()).toBe("hello");
  });

  it("a request without a body is consumed by stream() too (Starlette reads its empty message)", async () => {
    const request = new Request({ method: "GET", url: "http://test/", headers: new Headers(), body: null });
    expect(await drain(request)).toBe(0);
    await expect(request.body()).rejects.toThrow("Stream consumed");
  });
});

describe("an app that streams the body and then reads it", () => {
  const app = new FastAPI();
  app.post("/twice", { params: { request: Request } }, async function twice({ request }) {
    const streamed = await drain(request);
    const read = await request.body();
    return { streamed, read: read.byteLength };
  });

  it("answers 500, in process and over HTTP, small body and streamed", async () => {
    const inProcess = await app.fetch(new globalThis.Request("http://test/twice", { method: "POST", body: "0123456789" }));
    expect(inProcess.status).toBe(500);
    await withServer(app, async (url) => {
      const small = await fetch(`${url}/twice`, { method: "POST", body: "0123456789" });
      expect(small.status).toBe(500);
      // Chunked (no content-length): the listener streams it to the app instead of reading it first.
      const chunked = await fetch(`${url}/twice`, { method: "POST", body: new Blob(["0123456789"]).stream(), duplex: "half" } as RequestInit);
      expect(chunked.status).toBe(500);
    });
  });
});
