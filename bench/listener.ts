/**
 * fastapi-ts's cost per request through its Node listener, without the network: the app of `servers/fastapi-ts.ts`
 * served by `createListener` on a `node:http` server whose connections are in-memory sockets. Each batch writes
 * pipelined requests as autocannon sends them (`-p 10`) and waits for every answer; the process's CPU time per
 * request is reported. Node's HTTP parser and response writer are in the measure (the same for every subject), the
 * kernel's sockets and the load generator are not, so the adapter's own work (`node/server.ts`, `incoming.ts`,
 * `outgoing.ts`) is seen, which `bench/dispatch.ts` (the app's `dispatch` alone) leaves out. With `--compare DIR`,
 * the same app on another copy of the runtime runs interleaved with it (order alternated each round).
 *
 * `--peers fastify,hono,node-http` adds those servers (`--peers-only`: only them, e.g. to profile one) (their files in `servers/`, made to hand over their `node:http` listener
 * instead of listening: `servers/_peer-*.ts`), each measured the same way.
 *
 * `--connections 100 --async-writes` comes closer to a run over HTTP (autocannon's 100 connections × 10 pipelined, each
 * write completing on a later turn): more requests in flight, more of them alive across garbage collections.
 *
 *   node bench/listener.ts --compare /path/to/older/runtime --rounds 9 --requests 20000 --only b,c --peers fastify
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import { parseArgs } from "node:util";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeCompareServer } from "./servers/compare.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type Scenario = "a" | "b" | "c" | "d" | "e" | "f";

const { values: args } = parseArgs({
  options: {
    compare: { type: "string" }, rounds: { type: "string", default: "9" }, requests: { type: "string", default: "20000" },
    only: { type: "string", default: "a,b,c,d,e,f" }, peers: { type: "string", default: "" },
    "peers-only": { type: "boolean", default: false }, connections: { type: "string", default: "10" },
    "async-writes": { type: "boolean", default: false },
  },
});

const item = JSON.stringify({ name: "Widget", description: "A widget", price: 10.5, tax: 1.5, tags: ["a", "b"], dimensions: { width: 1, height: 2, unit: "cm" } });
const order = JSON.stringify({
  customer: "Ada Lovelace", email: "ada@example.com", currency: "EUR", shipping: { street: "12 Analytical Row", city: "London", postcode: "N1 9GU", country: "GB" },
  lines: [{ sku: "GEAR-01", quantity: 3, unit_price: 12.5 }, { sku: "CARD-77", quantity: 100, unit_price: 0.2, discount: 0.1 }, { sku: "LEVER-9", quantity: 1, unit_price: 99.99 }],
  notes: null, coupon: "WELCOME", tags: ["priority", "fragile"],
});

/** One request's bytes, with the headers autocannon sends. */
function wire(method: string, path: string, headers: Record<string, string> = {}, body?: string): string {
  const lines = [`${method} ${path} HTTP/1.1`, "host: 127.0.0.1:3000", "user-agent: autocannon"];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join("\r\n")}\r\n\r\n${body ?? ""}`;
}

const json = { "content-type": "application/json" };
/** A write completes on a later turn, as a real socket's does: pipelined answers then wait in Node's queue, as over HTTP. */
const asyncWrites = args["async-writes"];
const requests: Record<Scenario, string> = {
  a: wire("GET", "/"),
  b: wire("GET", "/items/42?q=hello&limit=7"),
  c: wire("POST", "/items/", json, item),
  d: wire("GET", "/users/me", { authorization: "Bearer token-alice" }),
  e: wire("POST", "/orders/", json, order),
  f: wire("GET", "/search?q=widget&page=2&size=20", { "x-request-id": "req-5f2c", cookie: "session_id=s3ss10n; theme=dark" }),
};
const expected: Record<Scenario, string> = { a: "200", b: "200", c: "201", d: "200", e: "201", f: "200" };

/** An in-memory connection: what is written to it is checked for answers, counted until `want` have come. */
class Socket extends Duplex {
  remoteAddress = "127.0.0.1";
  remotePort = 50000;
  localAddress = "127.0.0.1";
  localPort = 3000;
  encrypted = false;
  #want = 0;
  #seen = 0;
  #status = "";
  #done: (() => void) | null = null;
  #fail: ((e: Error) => void) | null = null;
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.#count(chunk);
    if (asyncWrites) setImmediate(cb);
    else cb();
  }
  override _writev(chunks: { chunk: Buffer }[], cb: () => void): void {
    for (const c of chunks) this.#count(c.chunk);
    if (asyncWrites) setImmediate(cb);
    else cb();
  }
  #count(chunk: Buffer): void {
    const s = chunk.toString("latin1");
    for (let i = s.indexOf("HTTP/1.1 "); i !== -1; i = s.indexOf("HTTP/1.1 ", i + 9)) {
      if (s.slice(i + 9, i + 12) !== this.#status) return this.#fail?.(new Error(`status ${s.slice(i + 9, i + 12)}: ${s.slice(i, i + 400)}`));
      this.#seen++;
    }
    if (this.#seen >= this.#want) this.#done?.();
  }
  /** Sends `n` pipelined copies of `bytes`; resolves once `n` answers of `status` have come. */
  send(bytes: Buffer, n: number, status: string): Promise<void> {
    this.#want = n;
    this.#seen = 0;
    this.#status = status;
    return new Promise((resolveIt, reject) => {
      this.#done = resolveIt;
      this.#fail = reject;
      this.push(bytes);
    });
  }
  setTimeout(): this { return this; }
  setNoDelay(): this { return this; }
  setKeepAlive(): this { return this; }
}

interface Subject { name: string; listener: Listener; sockets: Socket[] }

/** In-memory connections per subject, each sent 10 pipelined requests at a time (autocannon over HTTP: 100). */
const connections = Number(args.connections);

function subjectOf(name: string, listener: Listener): Subject {
  const server = createServer({ keepAliveTimeout: 0 });
  server.on("request", listener);
  const sockets: Socket[] = [];
  for (let i = 0; i < connections; i++) {
    const s = new Socket();
    server.emit("connection", s);
    sockets.push(s);
  }
  return { name, listener, sockets };
}

/** Requests per CPU-second for `n` requests, `connections` × 10 pipelined at a time (autocannon -c 100 -p 10 over HTTP). */
async function measure(subject: Subject, s: Scenario, n: number): Promise<number> {
  const batch = Buffer.from(requests[s].repeat(10), "latin1");
  const start = process.cpuUsage();
  for (let sent = 0; sent < n; sent += 10 * connections) {
    await Promise.all(subject.sockets.map((socket) => socket.send(batch, 10, expected[s])));
  }
  const used = process.cpuUsage(start);
  return n / ((used.user + used.system) / 1e6);
}

const load = async (dir: string | null): Promise<{ createListener: (app: unknown) => Listener; app: unknown }> => {
  if (dir === null) {
    const node = (await import("fastapi-ts/node")) as { createListener: (app: unknown) => Listener };
    return { createListener: node.createListener, app: (await import("./servers/fastapi-ts.ts")).app };
  }
  const server = writeCompareServer(dir);
  const node = (await import(pathToFileURL(join(resolve(dir), "src/node/index.ts")).href)) as { createListener: (app: unknown) => Listener };
  return { createListener: node.createListener, app: ((await import(pathToFileURL(server).href)) as { app: unknown }).app };
};

const serversDir = join(dirname(fileURLToPath(import.meta.url)), "servers");

/** A peer's `node:http` listener: its server file, with the last lines (listen, report ready) replaced. */
async function peer(name: string): Promise<Listener> {
  const source = readFileSync(join(serversDir, `${name}.ts`), "utf8");
  let rewritten: string;
  if (name === "fastify") {
    rewritten = source.replace(/await app\.listen\([\s\S]*$/, "await app.ready();\nexport const listener = (req: unknown, res: unknown) => app.server.emit(\"request\", req, res);\n");
  } else if (name === "hono") {
    rewritten = source.replace('import { serve } from "@hono/node-server";', 'import { getRequestListener } from "@hono/node-server";')
      .replace(/serve\(\{ fetch: app\.fetch[\s\S]*$/, "export const listener = getRequestListener(app.fetch);\n");
  } else if (name === "node-http") {
    rewritten = source.replace(/server\.listen\([\s\S]*$/, "export const listener = (req: unknown, res: unknown) => server.emit(\"request\", req, res);\n");
  } else {
    throw new Error(`no in-process peer ${name}`);
  }
  const file = join(serversDir, `_peer-${name}.ts`);
  writeFileSync(file, rewritten);
  return ((await import(pathToFileURL(file).href)) as { listener: Listener }).listener;
}

const subjects: Subject[] = [];
if (!args["peers-only"]) {
  const here = await load(null);
  subjects.push(subjectOf("fastapi-ts", here.createListener(here.app)));
}
if (args.compare) {
  const other = await load(args.compare);
  subjects.push(subjectOf("fastapi-ts@before", other.createListener(other.app)));
}
for (const name of args.peers.split(",").filter(Boolean)) subjects.push(subjectOf(name, await peer(name)));
const rounds = Number(args.rounds);
const n = Number(args.requests);
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

console.log(`node ${process.version}; ${rounds} rounds of ${n} requests per subject and scenario through the Node listener, interleaved (order rotated each round); CPU µs per request, median and best round; ratios are fastapi-ts's requests per CPU-second over the other's, medians of per-round ratios (range)`);
console.log("");
const others = subjects.slice(1);
console.log(`| scenario | ${subjects.map((s) => `${s.name} µs/req`).join(" | ")}${others.map((o) => ` | fastapi-ts / ${o.name}`).join("")} |`);
console.log(`|:--|${subjects.map(() => "--:").join("|")}${others.map(() => "|--:").join("")}|`);
for (const s of args.only.split(",") as Scenario[]) {
  for (const subject of subjects) await measure(subject, s, 3000); // warm-up
  const rates = subjects.map(() => [] as number[]);
  const ratios = others.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    const order = [...subjects.keys()].map((i) => (i + r) % subjects.length);
    const got: number[] = [];
    for (const i of order) got[i] = await measure(subjects[i]!, s, n);
    got.forEach((rate, i) => rates[i]!.push(rate));
    others.forEach((_, i) => ratios[i]!.push(got[0]! / got[i + 1]!));
  }
  // The median, and the best round (on a shared machine the least disturbed one is the closest to the code's own cost).
  const cells = rates.map((xs) => `${(1e6 / median(xs)).toFixed(2)} (best ${(1e6 / Math.max(...xs)).toFixed(2)})`);
  const ratio = ratios.map((xs) => ` | ${median(xs).toFixed(3)}× (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`).join("");
  console.log(`| (${s}) | ${cells.join(" | ")}${ratio} |`);
}
process.exit(0);
