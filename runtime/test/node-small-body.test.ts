// The Node listener reads a small body (by content-length) before calling the app, so that its parameters are solved
// without a promise; larger, chunked and `Expect` bodies stream to the app as before.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI, Request } from "../src/index.ts";
import { readJsonBody } from "../src/body.ts";
import { BodyTooLarge } from "../src/request.ts";
import { SMALL_BODY } from "../src/node/incoming.ts";
import { withServer } from "./helpers.ts";

/** Sends raw bytes in parts (a pause between them) and returns what the server answered up to `until`. */
function raw(url: string, parts: string[], until: RegExp, pause = 100): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let got = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer matching ${until}; got ${JSON.stringify(got)}`));
    }, 5000);
    socket.on("data", (d) => {
      got += d.toString("latin1");
      if (until.test(got)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(got);
      }
    });
    socket.on("error", reject);
    let i = 0;
    const next = (): void => {
      if (i < parts.length && !socket.destroyed) socket.write(parts[i++]!);
      if (i < parts.length) setTimeout(next, pause);
    };
    socket.on("connect", next);
  });
}

const Item = z.object({ name: z.string(), price: z.number() });
const app = new FastAPI();
app.post("/items/", { params: { item: Item }, statusCode: 201 }, async ({ item }) => item);
app.post("/early", () => ({ early: true }));
app.post("/stream", { params: { request: Request } }, async ({ request }) => {
  const chunks: number[] = [];
  for await (const c of request.stream()) chunks.push(c.byteLength);
  return { chunks };
});

describe("a small body the adapter already holds", () => {
  it("is parsed for JSON parameters without a promise, and body() then gives the same bytes", async () => {
    const bytes = new TextEncoder().encode('{"name":"a","price":1}');
    const source = { received: bytes, readAll: () => Promise.reject(new Error("not read again")), async *[Symbol.asyncIterator]() {} };
    const request = new Request({ method: "POST", url: "http://x/items/", headers: new Headers({ "content-type": "application/json" }), body: source });
    const received = readJsonBody(request, false);
    expect(received).not.toBeInstanceOf(Promise);
    expect(received).toEqual({ kind: "json", value: { name: "a", price: 1 } });
    expect(await request.body()).toBe(bytes);
  });

  it("is read the usual way past the request's size limit (answered 413 by body())", async () => {
    const source = { received: new Uint8Array(100), readAll: () => Promise.reject(new BodyTooLarge()), async *[Symbol.asyncIterator]() {} };
    const request = new Request({ method: "POST", url: "http://x/", headers: new Headers({ "content-type": "application/json" }), body: source });
    request.maxBodySize = 10;
    const received = readJsonBody(request, false);
    expect(received).toBeInstanceOf(Promise);
    await expect(received).rejects.toBeInstanceOf(BodyTooLarge);
  });
});

describe("the Node listener and small bodies, on a real server", () => {
  const body = '{"name":"widget","price":2.5}';
  const head = (path: string, length: number, extra = ""): string =>
    `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n${extra}connection: close\r\n\r\n`;

  it("waits for a body sent after its headers, in pieces, and solves it", async () => {
    await withServer(app, async (url) => {
      const answer = await raw(url, [head("/items/", body.length), body.slice(0, 7), body.slice(7)], /\r\n\r\n.*\}$/s);
      expect(answer).toMatch(/^HTTP\/1\.1 201 /);
      expect(answer.endsWith(body)).toBe(true);
    });
  });

  it("answers pipelined requests sent in one packet, each with its own body, in order", async () => {
    // Node announces every request of a packet before parsing their bodies: the listener takes each body once the
    // packet is parsed (one tick for all of them).
    const bodies = Array.from({ length: 6 }, (_, i) => JSON.stringify({ name: `w${i}`, price: i + 0.5 }));
    const packet = bodies.map((b, i) => head("/items/", Buffer.byteLength(b)).replace("connection: close\r\n", i === 5 ? "connection: close\r\n" : "") + b).join("");
    await withServer(app, async (url) => {
      const answer = await raw(url, [packet], /"w5"[^}]*\}$/);
      const sent = [...answer.matchAll(/\r\n\r\n(\{[^}]*\})/g)].map((m) => m[1]);
      expect(sent).toEqual(bodies);
      expect(answer.match(/HTTP\/1\.1 201 /g)).toHaveLength(6);
    });
  });

  it("answers pipelined requests whose last body is still arriving after the packet", async () => {
    const first = JSON.stringify({ name: "first", price: 1 });
    const last = JSON.stringify({ name: "last", price: 2 });
    const packet = head("/items/", first.length).replace("connection: close\r\n", "") + first + head("/items/", last.length) + last.slice(0, 5);
    await withServer(app, async (url) => {
      const answer = await raw(url, [packet, last.slice(5)], /"last"[^}]*\}$/);
      expect([...answer.matchAll(/\r\n\r\n(\{[^}]*\})/g)].map((m) => m[1])).toEqual([first, last]);
    });
  });

  it("streams a body larger than SMALL_BODY to the app as it arrives: an app that does not read it answers at once", async () => {
    await withServer(app, async (url) => {
      const answer = await raw(url, [head("/early", SMALL_BODY * 4), "x".repeat(100)], /\{"early":true\}/);
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  it("gives a small body to request.stream() whole, and an `Expect: 100-continue` body as it comes", async () => {
    await withServer(app, async (url) => {
      const whole = await raw(url, [head("/stream", 10), "0123", "456789"], /\{"chunks":\[[\d,]*\]\}/);
      expect(whole).toContain('{"chunks":[10]}');
      const expecting = await raw(url, [head("/stream", 10, "expect: 100-continue\r\n"), "0123", "456789"], /\{"chunks":\[[\d,]*\]\}/);
      expect(expecting).toContain("HTTP/1.1 100 Continue");
      expect(expecting).toContain('{"chunks":[4,6]}');
    });
  });
});

describe("a request whose adapter gave the target apart from the URL", () => {
  // The Node adapter passes the path and query as received (`target`), read without scanning the whole URL: the
  // same path, query and URL as a request built from the URL alone.
  const targets = ["/", "/items/", "/items/a%20b?q=1&q=2", "/a b/c", "/x/./y/../z?s=%41#frag", "//double//slash?x", "/q?a=1?b=2#h", "/é?ü=1"];
  for (const t of targets) {
    it(`reads ${JSON.stringify(t)} as the URL says`, () => {
      const plain = new Request({ method: "GET", url: `http://example.com:8000${t}`, headers: new Headers(), body: null });
      const split = new Request({ method: "GET", url: `http://example.com:8000${t}`, target: t, headers: new Headers(), body: null });
      expect(split.rawPath).toBe(plain.rawPath);
      expect(split.queryAll("q")).toEqual(plain.queryAll("q"));
      expect([...split.queryParams]).toEqual([...plain.queryParams]);
      expect(split.url.href).toBe(plain.url.href);
    });
  }
});
