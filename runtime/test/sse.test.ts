import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EventSourceResponse, FastAPI, formatSseEvent, Header, KEEPALIVE_COMMENT, ServerSentEvent, TestClient } from "../src/index.ts";
import { withServer } from "./helpers.ts";

const decoder = new TextDecoder();

/** A promise and the function that resolves it. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("SSE framing", () => {
  it("writes comment, event, data, id and retry lines in FastAPI's order, ending with a blank line", () => {
    expect(formatSseEvent({ comment: "hi", event: "update", data: "{}", id: "7", retry: 3000 })).toBe(": hi\nevent: update\ndata: {}\nid: 7\nretry: 3000\n\n");
  });

  it("splits multi-line data and comments into one line each (CR, LF and CRLF)", () => {
    expect(formatSseEvent({ data: "one\ntwo\r\nthree\rfour" })).toBe("data: one\ndata: two\ndata: three\ndata: four\n\n");
    expect(formatSseEvent({ comment: "a\nb" })).toBe(": a\n: b\n\n");
  });

  it("refuses fields that would break the framing", () => {
    expect(() => new ServerSentEvent({ event: "a\nb" })).toThrow("SSE 'event' must be a single line");
    expect(() => new ServerSentEvent({ id: "1\r2" })).toThrow("SSE 'id' must be a single line");
    expect(() => new ServerSentEvent({ id: "1\u00002" })).toThrow("SSE 'id' must not contain null characters");
    expect(() => new ServerSentEvent({ retry: -1 })).toThrow("non-negative integer");
    expect(() => new ServerSentEvent({ retry: 1.5 })).toThrow("non-negative integer");
    expect(() => new ServerSentEvent({ data: 1, rawData: "1" })).toThrow("Cannot set both 'data' and 'rawData'");
    expect(() => formatSseEvent({ event: "x\ny" })).toThrow("single line");
  });

  it("sends data as JSON (strings quoted) and raw data as is, one data line per line", async () => {
    const app = new FastAPI();
    app.get("/", { responseClass: EventSourceResponse }, async function* events() {
      yield "hello";
      yield new ServerSentEvent({ rawData: "line 1\nline 2", event: "log" });
      // Without a response model, data goes through jsonableEncoder, as FastAPI's goes through jsonable_encoder.
      yield new ServerSentEvent({ data: { when: new Date(0) } });
      yield new ServerSentEvent({ comment: "only a comment" });
    });
    const response = await new TestClient(app).get("/");
    expect(response.text).toBe('data: "hello"\n\nevent: log\ndata: line 1\ndata: line 2\n\ndata: {"when":"1970-01-01T00:00:00+00:00"}\n\n: only a comment\n\n');
    expect(response.headers.get("x-accel-buffering")).toBe("no");
  });

  it("validates each item, and the data of each event, through the response model", async () => {
    const app = new FastAPI();
    const Item = z.object({ name: z.string() });
    app.get("/", { responseClass: EventSourceResponse, responseModel: Item }, async function* events() {
      yield { name: "a", secret: "filtered out" };
      yield new ServerSentEvent({ data: { name: "b", secret: "x" }, id: "2" });
    });
    expect((await new TestClient(app).get("/")).text).toBe('data: {"name":"a"}\n\ndata: {"name":"b"}\nid: 2\n\n');
  });

  it("gives the handler the Last-Event-ID header a reconnecting browser sends", async () => {
    const app = new FastAPI();
    app.get("/", { responseClass: EventSourceResponse, params: { last_event_id: Header(z.string().nullable().default(null)) } }, async function* events({ last_event_id }) {
      yield new ServerSentEvent({ data: last_event_id, id: "next" });
    });
    const client = new TestClient(app);
    expect((await client.get("/", { headers: { "Last-Event-ID": "41" } })).text).toBe('data: "41"\nid: next\n\n');
    expect((await client.get("/")).text).toBe("id: next\n\n");
  });
});

describe("SSE keep-alive", () => {
  it("sends a ping comment while the generator is silent, then the event", async () => {
    class QuickPings extends EventSourceResponse {
      static override pingInterval = 10;
    }
    const release = deferred();
    async function* slow() {
      await release.promise;
      yield "done";
    }
    const response = new QuickPings(slow());
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(decoder.decode((await reader.read()).value)).toBe(KEEPALIVE_COMMENT);
    expect(decoder.decode((await reader.read()).value)).toBe(KEEPALIVE_COMMENT);
    release.resolve();
    // Pings may have been queued before the release; the event follows them.
    let chunk = decoder.decode((await reader.read()).value);
    while (chunk === KEEPALIVE_COMMENT) chunk = decoder.decode((await reader.read()).value);
    expect(chunk).toBe('data: "done"\n\n');
    expect((await reader.read()).done).toBe(true);
  });

  it("takes the interval per response too, and pings every 15 s by default", async () => {
    expect(EventSourceResponse.pingInterval).toBe(15_000);
    const release = deferred();
    async function* slow() {
      await release.promise;
    }
    const reader = (new EventSourceResponse(slow(), { pingInterval: 5 }).body as ReadableStream<Uint8Array>).getReader();
    expect(decoder.decode((await reader.read()).value)).toBe(": ping\n\n");
    release.resolve();
    let step = await reader.read();
    while (!step.done) step = await reader.read();
  });
});

/** An app whose endless stream records when its generator is cleaned up. */
function endlessApp(): { app: FastAPI; cleanedUp: Promise<void>; yielded: () => number } {
  const app = new FastAPI();
  const cleaned = deferred();
  let count = 0;
  app.get("/events", { responseClass: EventSourceResponse }, async function* events() {
    try {
      for (;;) {
        yield { count: count++ };
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      cleaned.resolve();
    }
  });
  return { app, cleanedUp: cleaned.promise, yielded: () => count };
}

describe("SSE client disconnect", () => {
  it("on Node: closing the connection stops the generator (its finally runs)", async () => {
    const { app, cleanedUp, yielded } = endlessApp();
    await withServer(app, async (base) => {
      const first = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(`${base}/events`, (res) => {
          expect(res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
          res.once("data", (chunk: Buffer) => {
            resolve(chunk.toString());
            req.destroy();
          });
        });
        req.on("error", () => {});
        req.once("error", reject);
        req.end();
      });
      expect(first).toBe('data: {"count":0}\n\n');
      await cleanedUp;
      const stoppedAt = yielded();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(yielded()).toBe(stoppedAt);
    });
  });

  it("through app.fetch: the request's abort signal stops the generator", async () => {
    const { app, cleanedUp, yielded } = endlessApp();
    const controller = new AbortController();
    const response = await app.fetch(new Request("http://localhost/events", { signal: controller.signal }));
    const reader = response.body!.getReader();
    expect(decoder.decode((await reader.read()).value)).toBe('data: {"count":0}\n\n');
    controller.abort();
    await cleanedUp;
    // The stream ends instead of waiting for the next item.
    let step = await reader.read();
    while (!step.done) step = await reader.read();
    const stoppedAt = yielded();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(yielded()).toBe(stoppedAt);
  });

  it("through app.fetch: cancelling the body (the server saw the client go) stops the generator", async () => {
    const { app, cleanedUp } = endlessApp();
    const response = await app.fetch(new Request("http://localhost/events"));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await cleanedUp;
  });
});
