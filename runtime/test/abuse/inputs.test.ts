// Issue 12, item 8, and the probes that already held: hostile bodies, paths, ranges, slow clients, many requests.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOf, healthy, MiB, raw, sendUntilAnswered, startServer, type AbuseServer } from "./server.ts";

let server: AbuseServer;
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(() => server?.stop());

const json = (path: string, body: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });

describe("hostile input (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("invalid input nested deep in a recursive model is a 422, not a 500; nesting past 950 levels is FastAPI's 400", async () => {
    const nested = (depth: number): string => {
      let body = '{"name":1}';
      for (let i = 0; i < depth; i++) body = `{"name":"x","child":${body}}`;
      return body;
    };
    for (const depth of [300, 900]) {
      const r = await json("/deep", nested(depth));
      expect([depth, r.status]).toEqual([depth, 422]);
      const detail = ((await r.json()) as { detail: { type: string }[] }).detail;
      expect(["string_type", "recursion_loop"]).toContain(detail[0]!.type);
    }
    for (const depth of [5000, 100_000]) {
      const r = await json("/deep", nested(depth));
      expect([depth, r.status, await r.json()]).toEqual([depth, 400, { detail: "There was an error parsing the body" }]);
    }
    let arrays = "1";
    for (let i = 0; i < 10_000; i++) arrays = `[${arrays}]`;
    const r = await json("/items", `{"name":"a","tags":${arrays}}`);
    expect(r.status).toBe(400);
    expect(await healthy(server)).toBe(true);
  });

  it("malformed JSON is a 422, a body over 16 MiB a 413, 1,000,000 levels of nesting a 400, prototype keys harmless", async () => {
    const malformed = await json("/items", '{"name": "a",');
    expect([malformed.status, ((await malformed.json()) as { detail: { type: string }[] }).detail[0]!.type]).toEqual([422, "json_invalid"]);
    // Over 16 MiB, declared up front (refused before any of it is read) or streamed chunked (refused once 16 MiB have
    // been read). The client sends no more than the server reads: a server cutting a connection with unread data
    // resets it, and Node's client then drops the answer too (as uvicorn's closing does), which is not under test.
    const post = "POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n";
    expect(await sendUntilAnswered(server.port, `${post}Content-Length: ${17 * MiB}\r\n\r\n`, 0)).toBe(413);
    expect(await sendUntilAnswered(server.port, `${post}Transfer-Encoding: chunked\r\n\r\n`, 16 * MiB + 1, true)).toBe(413);
    const deep = await json("/items", "[".repeat(1_000_000) + "]".repeat(1_000_000));
    expect(deep.status).toBe(400);
    const proto = await json("/items", '{"name":"a","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    expect([proto.status, await proto.json()]).toEqual([200, { item: { name: "a", tags: [] }, polluted: null }]);
    expect(await healthy(server)).toBe(true);
  });

  it("ranges: a suffix longer than the file selects the whole file (RFC 9110); bad ranges are 416/400", async () => {
    const get = (range: string) => fetch(`${server.url}/static/a.txt`, { headers: { range } });
    const whole = await get("bytes=-99999");
    expect([whole.status, whole.headers.get("content-range"), await whole.text()]).toEqual([206, "bytes 0-28/29", "twenty-nine bytes of content\n"]);
    const suffix = await get("bytes=-8");
    expect([suffix.status, await suffix.text()]).toEqual([206, "content\n"]);
    expect((await get("bytes=29-")).status).toBe(416);
    expect((await get("bytes=-0")).status).toBe(416);
    expect((await get("bytes=5-2")).status).toBe(400);
    const many = await get(`bytes=${Array.from({ length: 200 }, (_, i) => `${i % 29}-${i % 29}`).join(",")}`);
    expect(many.status).toBe(206);
    await many.arrayBuffer();
    expect(await healthy(server)).toBe(true);
  });

  it("StaticFiles: a file path with a trailing slash serves the file (Starlette normalizes it), and 40 traversal variants never leave the directory", async () => {
    expect((await raw(server.port, "GET /static/a.txt/ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).status).toBe(200);
    const variants = [
      "../secret.txt", "..%2fsecret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "%2e%2e%2fsecret.txt", ".%2e/secret.txt",
      "%2e./secret.txt", "..%5csecret.txt", "..\\secret.txt", "..%255csecret.txt", "..%252fsecret.txt", "....//secret.txt",
      "..;/secret.txt", "%c0%ae%c0%ae/secret.txt", "%c0%ae%c0%ae%c0%afsecret.txt", "..%00/secret.txt", "a.txt%00.png",
      "..%c0%afsecret.txt", "..%c1%9csecret.txt", "/../secret.txt", "//../secret.txt", "./../secret.txt", "sub/../../secret.txt",
      "%2f..%2fsecret.txt", "..%2f..%2fsecret.txt", "..././secret.txt", ".../secret.txt", "..%09/secret.txt", "..%20/secret.txt",
      "%252e%252e/secret.txt", "..%u2216secret.txt", "..%e0%80%afsecret.txt", "...%2fsecret.txt", "..%2f%2e%2e%2fsecret.txt",
      "%2e%2e%5csecret.txt", "..//secret.txt", "..///secret.txt", "%2E%2E/secret.txt", "..%2F..%2F..%2Fetc%2Fpasswd", "/etc/passwd",
    ];
    expect(variants).toHaveLength(40);
    for (const v of variants) {
      const r = await raw(server.port, `GET /static/${v} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
      expect(r.text).not.toContain("never served");
      expect(r.text).not.toContain("root:");
      expect([v, [400, 404].includes(r.status ?? 0)]).toEqual([v, true]);
    }
    expect(await healthy(server)).toBe(true);
  });

  it("200 slow clients (slowloris) do not stop the server from answering others", async () => {
    const slow: Socket[] = await Promise.all(Array.from({ length: 200 }, () => new Promise<Socket>((resolve) => {
      const s = connect(server.port, "127.0.0.1", () => {
        s.write("GET /health HTTP/1.1\r\nHost: a\r\nX-Slow: ");
        resolve(s);
      });
      s.on("error", () => {});
    })));
    for (let i = 0; i < 5; i++) {
      for (const s of slow) s.write("a");
      expect(await healthy(server)).toBe(true);
    }
    for (const s of slow) s.destroy();
  });

  it("5,000 requests through a yield dependency run every teardown, with no leak", async () => {
    const before = await server.memory();
    const stats0 = (await (await fetch(`${server.url}/db-stats`)).json()) as { opened: number; closed: number };
    for (let batch = 0; batch < 50; batch++) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => fetch(`${server.url}/db`).then((r) => r.status)));
      expect(answers.every((s) => s === 200)).toBe(true);
    }
    const stats = (await (await fetch(`${server.url}/db-stats`)).json()) as { opened: number; closed: number };
    expect(stats.opened - stats0.opened).toBe(5000);
    expect(stats.closed - stats0.closed).toBe(5000);
    expect((await server.memory()).rss - before.rss).toBeLessThan(100 * MiB);
  }, 30_000);

  it("a request head over 16 KiB is 431; a malformed request line is 400", async () => {
    const big = await raw(server.port, `GET /health HTTP/1.1\r\nHost: a\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    const bad = await raw(server.port, "GARBAGE\r\n\r\n");
    expect(bad.status).toBe(400);
    expect(bodyOf((await raw(server.port, "GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).text)).toContain('"ok":true');
  });
});
