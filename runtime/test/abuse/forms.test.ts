// Issue 12, items 4 and 5: forms are bounded and parsed as they stream; big uploads go to disk, not memory.
import { fork } from "node:child_process";
import { readdirSync } from "node:fs";
import { connect } from "node:net";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthy, MiB, startServer, type AbuseServer } from "./server.ts";

/** POSTs a body written piece by piece (with backpressure); resolves with the answer. */
function post(url: string, type: string, length: number, pieces: () => Iterable<Uint8Array | string>): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": type, "content-length": String(length) } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body, ms: performance.now() - started }));
    });
    req.on("error", reject);
    const it = pieces()[Symbol.iterator]();
    const pump = (): void => {
      for (let n = it.next(); !n.done; n = it.next()) {
        if (!req.write(n.value)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/** Runs `during()` while another process pings /health (pinger.ts); returns its result and the slowest ping in ms. */
async function pingDuring<T>(server: AbuseServer, during: () => Promise<T>): Promise<{ result: T; slowest: number; pings: number }> {
  const pinger = fork(new URL("./pinger.ts", import.meta.url), [server.url]);
  await new Promise((resolve) => pinger.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const result = await during();
  // A little after the answer too: a server still busy with the rest of the body would show here.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const latencies = await new Promise<number[]>((resolve) => {
    pinger.once("message", (message) => resolve(message as number[]));
    pinger.send("stop");
  });
  return { result, slowest: Math.max(...latencies), pings: latencies.length };
}

describe("forms (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  let server: AbuseServer;
  beforeAll(async () => {
    server = await startServer();
  }, 30_000);
  afterAll(() => server?.stop());

  it("a 16 MB urlencoded form of 4 M fields is refused at field 1001 (400) within 100 ms, with /health answering within 50 ms meanwhile and memory flat", async () => {
    const before = await server.memory();
    const piece = new TextEncoder().encode("a=1&".repeat(256 * 1024)); // 1 MiB: 262,144 fields
    const rounds: { answered: number; slowest: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const { result: answer, slowest, pings } = await pingDuring(server, () =>
        post(`${server.url}/form`, "application/x-www-form-urlencoded", 16 * MiB, function* () {
          for (let i = 0; i < 16; i++) yield piece;
        }),
      );
      expect([answer.status, JSON.parse(answer.body)]).toEqual([400, { detail: "Too many fields. Maximum number of fields is 1000." }]);
      expect(pings).toBeGreaterThan(0);
      // Every round: the event loop never stalled (the old parser blocked it for 5–9 s), whatever the machine's load.
      expect(slowest).toBeLessThan(2000);
      rounds.push({ answered: answer.ms, slowest });
    }
    // The targets, judged on the best round so that a neighbour's burst on a shared machine does not decide them:
    // a stall of the server's own would be in every round. (Measured on a quiet 2-core machine: refused in 4–17 ms,
    // /health's slowest answer 8–18 ms.)
    console.log(`4 M-field form: refused in ${rounds.map((r) => r.answered.toFixed(0)).join(", ")} ms; slowest /health ${rounds.map((r) => r.slowest.toFixed(0)).join(", ")} ms`);
    expect(Math.min(...rounds.map((r) => r.answered))).toBeLessThan(100);
    expect(Math.min(...rounds.map((r) => r.slowest))).toBeLessThan(50);
    const after = await server.memory();
    expect(after.maxRss - before.rss).toBeLessThan(100 * MiB);
    expect(await healthy(server)).toBe(true);
  });

  it("100,000 multipart fields are refused at 1001 (400); 1001 files too; a 2 MiB field is refused (1 MiB parts)", async () => {
    const boundary = "abuse-boundary";
    const field = (i: number) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`;
    const many = Array.from({ length: 100_000 }, (_, i) => field(i)).join("") + `--${boundary}--\r\n`;
    const type = `multipart/form-data; boundary=${boundary}`;
    const fields = await post(`${server.url}/form`, type, Buffer.byteLength(many), () => [many]);
    expect([fields.status, JSON.parse(fields.body)]).toEqual([400, { detail: "Too many fields. Maximum number of fields is 1000." }]);
    const file = (i: number) => `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="${i}.txt"\r\n\r\nx\r\n`;
    const files = Array.from({ length: 1001 }, (_, i) => file(i)).join("") + `--${boundary}--\r\n`;
    const tooManyFiles = await post(`${server.url}/form`, type, Buffer.byteLength(files), () => [files]);
    expect([tooManyFiles.status, JSON.parse(tooManyFiles.body)]).toEqual([400, { detail: "Too many files. Maximum number of files is 1000." }]);
    const big = `--${boundary}\r\nContent-Disposition: form-data; name="big"\r\n\r\n${"x".repeat(2 * MiB)}\r\n--${boundary}--\r\n`;
    const tooBig = await post(`${server.url}/form`, type, big.length, () => [big]);
    expect([tooBig.status, JSON.parse(tooBig.body)]).toEqual([400, { detail: "Part exceeded maximum size of 1024KB." }]);
    const bad = await post(`${server.url}/login`, type, 12, () => ["not a form!!"]);
    expect(bad.status).toBe(400);
    expect(await healthy(server)).toBe(true);
  });

  it("declared Form fields still work, and a body over maxBodySize is 413", async () => {
    const login = "username=ann&password=pw";
    const ok = await post(`${server.url}/login`, "application/x-www-form-urlencoded", login.length, () => [login]);
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { username: "ann" }]);
    const huge = await post(`${server.url}/form`, "application/x-www-form-urlencoded", 17 * MiB, function* () {
      const piece = new Uint8Array(MiB).fill(97);
      for (let i = 0; i < 17; i++) yield piece;
    });
    expect([huge.status, JSON.parse(huge.body)]).toEqual([413, { detail: "Content Too Large" }]);
    expect(await healthy(server)).toBe(true);
  });
});

describe("uploads (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("a 200 MB upload is spooled to a temporary file: peak RSS stays under 100 MB over idle, and the file is gone after the response", async () => {
    const server = await startServer({ env: { ABUSE_MAX_BODY: String(300 * MiB) } });
    try {
      for (let i = 0; i < 3; i++) await healthy(server);
      const idle = await server.memory();
      const boundary = "upload-boundary";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      const size = 200 * MiB;
      const piece = new Uint8Array(MiB).map((_, i) => i % 251);
      const answer = await post(`${server.url}/upload-head`, `multipart/form-data; boundary=${boundary}`, head.length + size + tail.length, function* () {
        yield head;
        for (let i = 0; i < size / MiB; i++) yield piece;
        yield tail;
      });
      expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { size, head: [0, 1, 2, 3, 4, 5, 6, 7] }]);
      const peak = (await server.memory()).maxRss - idle.rss;
      expect(peak).toBeLessThan(100 * MiB);
      // The spool folder is in the server's TMPDIR; its file is removed once the response is sent.
      const spool = readdirSync(server.tmp).filter((d) => d.startsWith("fastapi-ts-uploads-"));
      expect(spool).toHaveLength(1);
      await expect.poll(() => readdirSync(join(server.tmp, spool[0]!))).toEqual([]);
      expect(await healthy(server)).toBe(true);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe("a refused body's answer reaches the client (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("a client that writes its whole 16 MB form before reading gets the 400, not a reset", async () => {
    const server = await startServer();
    try {
      const body = Buffer.from("a=1&".repeat(4 * MiB));
      const socket = connect(server.port, "127.0.0.1");
      const received: Buffer[] = [];
      socket.on("data", (d: Buffer) => received.push(d));
      const closed = new Promise<Error | undefined>((resolve) => {
        socket.on("error", resolve);
        socket.on("close", () => resolve(undefined));
      });
      socket.write(`POST /form HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
      // All of it, as a simple client does, before looking at the answer: a server that stopped reading part-way and
      // closed would reset the connection, and the answer in the client's buffer would be lost with it.
      socket.end(body);
      expect(await closed).toBeUndefined();
      const text = Buffer.concat(received).toString("latin1");
      expect(text).toMatch(/^HTTP\/1\.1 400 /);
      expect(text).toContain("Too many fields. Maximum number of fields is 1000.");
      expect(await healthy(server)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
