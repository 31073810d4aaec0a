/**
 * The side-by-side benchmark (issue 8): fastapi-ts vs Fastify (JSON Schema and zod), Hono, Express 5 and raw
 * node:http, on the same four scenarios, in one run.
 *
 *   node bench/run.ts                 full run (5 interleaved rounds, 2 s per cell after a 0.5 s warm-up)
 *   node bench/run.ts --smoke         one short round: checks that every server answers correctly (CI)
 *   node bench/run.ts --rounds 5 --duration 10 --only a,b --frameworks fastapi-ts,fastify
 *   node bench/run.ts --profile       only fastapi-ts, under `node --cpu-prof`, then a summary of the profile
 *                                     (`--profile-framework fastify` profiles another one)
 *   node bench/run.ts --out file.md   also write the report there (it is always written to bench/results/)
 *   node bench/run.ts --startup-only --frameworks fastapi-ts,hono   only the 1,000-route start-up and import times
 *   node bench/run.ts --compare DIR   also run "fastapi-ts@before": the same server on another copy of the runtime
 *                                     (DIR holds its `src/`), e.g. a checkout of the previous commit, for before/after
 *
 * Every server runs in its own process pinned to CPU 0 (`taskset -c 0`), autocannon in another pinned to CPU 1.
 * Rounds are interleaved (every cell of round 1, then of round 2…, with the framework order shuffled each round)
 * so that machine noise hits every framework alike; ratios are computed inside a round and their median is
 * reported. Exits non-zero when a server answers a check wrongly or a load run sees errors or non-2xx answers.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { summarizeProfile } from "./profile.ts";
import { writeCompareServer, writeCompiledServer } from "./servers/compare.ts";

const here = dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "profile-framework": { type: "string", default: "fastapi-ts" },
    rounds: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "100" },
    pipelining: { type: "string", default: "10" },
    only: { type: "string" },
    frameworks: { type: "string" },
    "no-startup": { type: "boolean", default: false },
    "startup-only": { type: "boolean", default: false },
    "startup-rounds": { type: "string" },
    routes: { type: "string", default: "1000" },
    out: { type: "string" },
    compare: { type: "string" },
  },
});

const smoke = args.smoke;
const settings = {
  // Short cells, many rounds: neighbouring cells share the machine's noise, and medians of ratios need rounds.
  rounds: Number(args.rounds ?? (smoke ? 1 : 5)),
  duration: Number(args.duration ?? (smoke ? 0.25 : 2)),
  warmup: Number(args.warmup ?? (smoke ? 0 : 0.5)),
  connections: Number(args.connections),
  pipelining: Number(args.pipelining),
  startupRounds: Number(args["startup-rounds"] ?? (smoke ? 1 : 3)),
  routes: Number(args.routes),
};

// ---------------------------------------------------------------------------------------------------------------
// Scenarios: the request under load, and the checks every server must pass first.

interface Check {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  status: number | "4xx";
  json?: unknown;
}

interface Scenario {
  id: string;
  title: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The framework the ratios of the table are computed against. */
  reference: string;
  checks: Check[];
}

const item = {
  name: "Widget", description: "A useful widget", price: 12.5, tax: 1.25, tags: ["tools", "metal"],
  dimensions: { width: 10, height: 20, unit: "cm" },
};
const itemOut = { id: 1, name: "Widget", price: 12.5, price_with_tax: 13.75, tags: ["tools", "metal"], dimensions: item.dimensions };
const order = {
  customer: "Ada Lovelace", email: "ada@example.com", currency: "EUR",
  shipping: { street: "12 Analytical Row", city: "London", postcode: "N1 9GU", country: "GB" },
  lines: [
    { sku: "GEAR-01", quantity: 3, unit_price: 12.5 },
    { sku: "CARD-77", quantity: 100, unit_price: 0.2, discount: 0.1 },
    { sku: "LEVER-9", quantity: 1, unit_price: 99.99 },
  ],
  notes: null, coupon: "WELCOME", tags: ["priority", "fragile"],
};
const orderOut = {
  id: 7, customer: "Ada Lovelace", currency: "EUR", shipping: order.shipping,
  lines: [
    { sku: "GEAR-01", quantity: 3, unit_price: 12.5, total: 37.5 },
    { sku: "CARD-77", quantity: 100, unit_price: 0.2, total: 18 },
    { sku: "LEVER-9", quantity: 1, unit_price: 99.99, total: 99.99 },
  ],
  total: 155.49, gift: false, priority: 0,
};
const searchHeaders = { "x-request-id": "req-5f2c", cookie: "session_id=s3ss10n; theme=dark" };
const alice = { username: "alice", full_name: "Alice Liddell", email: "alice@example.com", active: true };
const jsonHeaders = { "content-type": "application/json" };

const scenarios: Scenario[] = [
  {
    id: "a", title: "GET / small JSON", method: "GET", path: "/", reference: "node-http",
    checks: [{ path: "/", status: 200, json: { hello: "world" } }],
  },
  {
    id: "b", title: "GET /items/{id}?q=&limit= path+query", method: "GET", path: "/items/42?q=hello&limit=7", reference: "fastify",
    checks: [
      { path: "/items/42?q=hello&limit=7", status: 200, json: { item_id: 42, q: "hello", limit: 7 } },
      { path: "/items/5", status: 200, json: { item_id: 5, limit: 10 } },
      { path: "/items/abc", status: "4xx" },
      { path: "/items/1?limit=1000", status: "4xx" },
    ],
  },
  {
    id: "c", title: "POST /items/ body model → response model", method: "POST", path: "/items/", headers: jsonHeaders, body: item,
    reference: "fastify",
    checks: [
      { method: "POST", path: "/items/", headers: jsonHeaders, body: item, status: 201, json: itemOut },
      { method: "POST", path: "/items/", headers: jsonHeaders, body: { ...item, price: -1 }, status: "4xx" },
      { method: "POST", path: "/items/", headers: jsonHeaders, body: { ...item, dimensions: { width: 1 } }, status: "4xx" },
    ],
  },
  {
    id: "d", title: "GET /users/me 3-level dependency chain", method: "GET", path: "/users/me",
    headers: { authorization: "Bearer token-alice" }, reference: "fastify",
    checks: [
      { path: "/users/me", headers: { authorization: "Bearer token-alice" }, status: 200, json: alice },
      { path: "/users/me", headers: { authorization: "Bearer token-bob" }, status: 400 },
      { path: "/users/me", headers: { authorization: "Bearer nope" }, status: 401 },
      { path: "/users/me", status: "4xx" },
    ],
  },
  {
    id: "e", title: "POST /orders/ 10-field body, nested list → model", method: "POST", path: "/orders/", headers: jsonHeaders, body: order,
    reference: "fastify",
    checks: [
      { method: "POST", path: "/orders/", headers: jsonHeaders, body: order, status: 201, json: orderOut },
      { method: "POST", path: "/orders/", headers: jsonHeaders, body: { ...order, lines: [{ sku: "X", quantity: 0, unit_price: 1 }] }, status: "4xx" },
      { method: "POST", path: "/orders/", headers: jsonHeaders, body: { ...order, lines: [] }, status: "4xx" },
      { method: "POST", path: "/orders/", headers: jsonHeaders, body: { ...order, shipping: { city: "London" } }, status: "4xx" },
    ],
  },
  {
    id: "f", title: "GET /search 3 query params + header + cookie", method: "GET", path: "/search?q=widget&page=2&size=20", headers: searchHeaders,
    reference: "fastify",
    checks: [
      { path: "/search?q=widget&page=2&size=20", headers: searchHeaders, status: 200, json: { q: "widget", page: 2, size: 20, request_id: "req-5f2c", session: "s3ss10n" } },
      { path: "/search?q=widget", headers: searchHeaders, status: 200, json: { q: "widget", page: 1, size: 10, request_id: "req-5f2c", session: "s3ss10n" } },
      { path: "/search?q=widget&size=500", headers: searchHeaders, status: "4xx" },
      { path: "/search?page=2", headers: searchHeaders, status: "4xx" },
      { path: "/search?q=widget", headers: { cookie: searchHeaders.cookie }, status: "4xx" },
      { path: "/search?q=widget", headers: { "x-request-id": "req-5f2c" }, status: "4xx" },
    ],
  },
];

interface Framework {
  name: string;
  file: string;
  scenarios: string[];
  /** Takes part in the 1,000-route start-up measurement. */
  startup: boolean;
}

const frameworks: Framework[] = [
  { name: "fastapi-ts", file: "fastapi-ts.ts", scenarios: ["a", "b", "c", "d", "e", "f"], startup: true },
  { name: "node-http", file: "node-http.ts", scenarios: ["a", "b", "c"], startup: false },
  { name: "fastify", file: "fastify.ts", scenarios: ["a", "b", "c", "d", "e", "f"], startup: true },
  { name: "fastify-zod", file: "fastify-zod.ts", scenarios: ["b", "c", "e", "f"], startup: true },
  { name: "hono", file: "hono.ts", scenarios: ["a", "b", "c", "d", "e", "f"], startup: true },
  { name: "express", file: "express.ts", scenarios: ["a", "b", "c", "d", "e", "f"], startup: true },
];

if (args.compare) {
  // The fastapi-ts server, importing the runtime from DIR instead of the workspace.
  writeCompareServer(args.compare);
  frameworks.splice(1, 0, { name: "fastapi-ts@before", file: "_compare.ts", scenarios: ["a", "b", "c", "d", "e", "f"], startup: true });
}

// The compiled package (what `npm install fastapi-ts` runs) takes part in the start-up measurement: built afresh.
const runtimeDir = join(here, "..", "runtime");
const withStartup = !args["no-startup"] && !args.profile;
if (withStartup) {
  const built = spawnSync(process.execPath, [join(runtimeDir, "scripts", "build.ts")], { stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) throw new Error("bench: building runtime/dist failed");
  writeCompiledServer(join(runtimeDir, "dist"));
  frameworks.splice(1, 0, { name: "fastapi-ts (compiled)", file: "_compiled.ts", scenarios: [], startup: true });
}

const onlyScenarios = args.only ? new Set(args.only.split(",")) : null;
let activeFrameworks = args.frameworks ? frameworks.filter((f) => args.frameworks!.split(",").includes(f.name) || f.name === "fastapi-ts@before" || (f.name === "fastapi-ts (compiled)" && args.frameworks!.split(",").includes("fastapi-ts"))) : frameworks;
if (args.profile) activeFrameworks = frameworks.filter((f) => f.name === args["profile-framework"]);
// --startup-only: no load at all, only the start-up measurement (and the import times).
const activeScenarios = args["startup-only"] ? [] : scenarios.filter((s) => !onlyScenarios || onlyScenarios.has(s.id));

// ---------------------------------------------------------------------------------------------------------------
// Processes.

const pinning = spawnSync("taskset", ["-c", "0", "true"]).status === 0 && cpus().length >= 2;
function pinned(cpu: number, argv: string[]): [string, string[]] {
  return pinning ? ["taskset", ["-c", String(cpu), ...argv]] : [argv[0]!, argv.slice(1)];
}

interface Server {
  fw: Framework;
  proc: ChildProcess;
  port: number;
  timings: { code: number; registered: number; listening: number };
  lines: AsyncIterator<string>;
}

const profileDir = join(here, "profiles");

async function startServer(fw: Framework, options: { routes?: number; nodeFlags?: string[] } = {}): Promise<Server & { spawnedAt: number }> {
  const [cmd, argv] = pinned(0, [process.execPath, ...(options.nodeFlags ?? []), join(here, "servers", fw.file)]);
  const spawnedAt = performance.now();
  const proc = spawn(cmd, argv, {
    cwd: here,
    env: { ...process.env, PORT: "0", BENCH_ROUTES: String(options.routes ?? 0), NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const first = await Promise.race([
    lines.next(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${fw.name}: no READY within 30 s`)), 30_000).unref()),
    new Promise<never>((_, reject) => proc.once("exit", (code) => reject(new Error(`${fw.name}: exited with ${code} before READY`)))),
  ]);
  const m = /^READY (\d+) (.*)$/.exec(first.value ?? "");
  if (!m) throw new Error(`${fw.name}: unexpected first line ${JSON.stringify(first.value)}`);
  return { fw, proc, port: Number(m[1]), timings: JSON.parse(m[2]!), lines, spawnedAt };
}

async function command(server: Server, cmd: string, prefix: string): Promise<unknown> {
  server.proc.stdin!.write(`${cmd}\n`);
  for (;;) {
    const { value, done } = await server.lines.next();
    if (done) throw new Error(`${server.fw.name}: stdout closed`);
    if (value.startsWith(prefix + " ")) return JSON.parse(value.slice(prefix.length + 1));
  }
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.proc.exitCode !== null) return resolve();
    server.proc.once("exit", () => resolve());
    server.proc.kill("SIGTERM");
    setTimeout(() => server.proc.kill("SIGKILL"), 5000).unref();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Checks.

const failures: string[] = [];

async function request(port: number, c: Pick<Check, "method" | "path" | "headers" | "body">): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${c.path}`, {
    method: c.method ?? "GET",
    headers: c.headers,
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
  });
  return { status: res.status, text: await res.text() };
}

async function checkServer(server: Server): Promise<boolean> {
  let ok = true;
  for (const s of activeScenarios) {
    if (!server.fw.scenarios.includes(s.id)) continue;
    for (const c of s.checks) {
      const where = `${server.fw.name} (${s.id}) ${c.method ?? "GET"} ${c.path}`;
      try {
        const { status, text } = await request(server.port, c);
        const statusOk = c.status === "4xx" ? status >= 400 && status < 500 : status === c.status;
        let bodyOk = true;
        if (c.json !== undefined) {
          try {
            bodyOk = isDeepStrictEqual(JSON.parse(text), c.json);
          } catch {
            bodyOk = false;
          }
        }
        if (!statusOk || !bodyOk) {
          failures.push(`${where}: expected ${c.status} ${c.json === undefined ? "" : JSON.stringify(c.json)}, got ${status} ${text.slice(0, 300)}`);
          ok = false;
        }
      } catch (e) {
        failures.push(`${where}: ${(e as Error).message}`);
        ok = false;
      }
    }
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------------------------
// Load.

interface Sample {
  rps: number;
  /** CPU time the server process used during the cell, as a share of the wall time (1 = one core saturated). */
  cpu: number;
  /** Server CPU time per answered request, in µs (robust to the load generator or neighbours being the limit). */
  usPerReq: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}


/** utime+stime of a process in seconds (Linux), or NaN. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

interface Driver {
  proc: ChildProcess;
  lines: AsyncIterator<string>;
}

/** Starts the load generator (bench/load.ts: autocannon, driven over stdin), pinned to CPU 1. */
function startDriver(): Driver {
  const [cmd, argv] = pinned(1, [process.execPath, join(here, "load.ts")]);
  const proc = spawn(cmd, argv, { cwd: here, stdio: ["pipe", "pipe", "inherit"] });
  return { proc, lines: createInterface({ input: proc.stdout! })[Symbol.asyncIterator]() };
}

async function drive(driver: Driver, op: "warm" | "run", port: number, s: Scenario, duration: number): Promise<Record<string, number>> {
  driver.proc.stdin!.write(JSON.stringify({
    op, url: `http://127.0.0.1:${port}${s.path}`, method: s.method, headers: s.headers,
    body: s.body === undefined ? undefined : JSON.stringify(s.body),
    connections: settings.connections, pipelining: settings.pipelining, duration,
  }) + "\n");
  const { value, done } = await driver.lines.next();
  if (done) throw new Error("load generator exited");
  return JSON.parse(value);
}

/** One cell: warm up, then measure throughput, latency and the server's CPU time per request. */
async function load(driver: Driver, server: Server, s: Scenario): Promise<Sample> {
  if (settings.warmup > 0) await drive(driver, "warm", server.port, s, settings.warmup);
  const c0 = cpuSeconds(server.proc.pid);
  const t0 = performance.now();
  const r = await drive(driver, "run", server.port, s, settings.duration);
  const cpu = cpuSeconds(server.proc.pid) - c0;
  const wall = (performance.now() - t0) / 1000;
  return {
    rps: r.rps!, p50: r.p50!, p99: r.p99!, errors: r.errors!, non2xx: r.non2xx!,
    cpu: cpu / wall, usPerReq: r.total! > 0 ? (1e6 * cpu) / r.total! : NaN,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting.

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function table(head: string[], rows: (string | number)[][], align: ("l" | "r")[]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => "| " + r.map((c, i) => (align[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ") + " |";
  return [fmt(head), "|" + widths.map((w, i) => (align[i] === "r" ? "-".repeat(w + 1) + ":" : ":" + "-".repeat(w + 1))).join("|") + "|", ...rows.map((r) => fmt(r.map(String)))].join("\n");
}

const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const fmtMs = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "–");
const fmtRatio = (n: number) => (Number.isFinite(n) ? n.toFixed(2) + "×" : "–");
const fmtMB = (n: number) => (n / 1024 / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------------------------
// The run.

const out: string[] = [];
const say = (line = "") => {
  console.log(line);
  out.push(line);
};

const cpuModel = cpus()[0]?.model ?? "unknown";
say(`# fastapi-ts benchmark${smoke ? " (smoke)" : args.profile ? " (profile)" : ""}`);
say();
say(`- date: ${new Date().toISOString()}`);
say(`- node ${process.version}, ${process.platform}/${process.arch}, CPU: ${cpuModel} × ${cpus().length}, RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load avg at start ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
// What else ran shows in the load before the first server starts (the run itself keeps two cores busy).
const loadAtStart = loadavg()[0]!;
const busyMachine = loadAtStart > 1;
if (busyMachine && !smoke) {
  say(`- **the machine was busy before the run** (load ${loadAtStart.toFixed(2)} on ${cpus().length} cores): other work shared the cores, so absolute req/s and µs/req read low and "met"/"NOT met" below is a reading through noise; the ratios (measured side by side in each round) are what to compare. Re-run on a quiet machine for a verdict.`);
}
say(`- pinning: ${pinning ? "servers on CPU 0, autocannon on CPU 1 (taskset)" : "none (taskset missing or fewer than 2 CPUs)"}`);
say(`- autocannon (one long-lived process, bench/load.ts) -c ${settings.connections} -p ${settings.pipelining} -d ${settings.duration}${settings.warmup ? ` (warm-up ${settings.warmup} s)` : ""}; ${settings.rounds} round(s), interleaved, framework order shuffled each round (seeded); medians over rounds`);
say();

const servers = new Map<string, Server>();
let exitCode = 0;
const driver = startDriver();
try {
  if (args.profile) rmSync(profileDir, { recursive: true, force: true });
  for (const fw of activeFrameworks) {
    if (!activeScenarios.some((s) => fw.scenarios.includes(s.id))) continue;
    const nodeFlags = args.profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
    const server = await startServer(fw, { nodeFlags });
    servers.set(fw.name, server);
    if (!(await checkServer(server))) servers.delete(fw.name), await stopServer(server);
  }
  if (failures.length) {
    say("## Incorrect answers");
    for (const f of failures) say(`- ${f}`);
    say();
  }

  /**
   * The order of round `round`: a shuffle seeded by the round (the same on every run). Not a rotation: with one,
   * each framework always ran right after the same other one, and a server that has just been loaded keeps the
   * shared core busy for a while after (its garbage collector's memory reducer, idle-time tasks), so one framework
   * always paid for its predecessor's (fastapi-ts, listed first, for Express's: 8–12% in a run of 2026-12-07 where it
   * and the same code as `@before` read 0.83–0.95× of each other, and 1.00× when only the two ran).
   */
  const roundOrder = (names: string[], round: number): string[] => {
    let seed = 0x9e3779b9 ^ (round + 1) * 0x85ebca6b;
    const next = (): number => {
      seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) ^ Math.imul(seed ^ (seed >>> 12), 0x297a2d39);
      return ((seed ^ (seed >>> 15)) >>> 0) / 2 ** 32;
    };
    const shuffled = [...names];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  };

  // samples[scenario][framework] = one Sample per round
  const samples = new Map<string, Map<string, Sample[]>>();
  const order = [...servers.keys()];
  for (let round = 0; round < settings.rounds; round++) {
    const ordered = roundOrder(order, round);
    process.stderr.write(`round ${round + 1}/${settings.rounds}: `);
    for (const s of activeScenarios) {
      for (const name of ordered) {
        const server = servers.get(name)!;
        if (!server.fw.scenarios.includes(s.id)) continue;
        const sample = await load(driver, server, s);
        process.stderr.write(`${s.id}:${name} ${fmtInt(sample.rps)}  `);
        const bySc = samples.get(s.id) ?? new Map<string, Sample[]>();
        samples.set(s.id, bySc);
        (bySc.get(name) ?? bySc.set(name, []).get(name)!).push(sample);
        if (sample.errors || sample.non2xx) failures.push(`${name} (${s.id}) under load: ${sample.errors} errors, ${sample.non2xx} non-2xx`);
      }
    }
    process.stderr.write("\n");
  }
  // The checks again after the load: a server must still answer correctly.
  for (const server of servers.values()) await checkServer(server);

  // The table.
  /** Median over rounds of the per-round ratio of two frameworks (req/s, or CPU cost per request inverted). */
  const ratio = (sc: string, name: string, ref: string, by: "rps" | "cpu" = "rps"): number => {
    const a = samples.get(sc)?.get(name);
    const b = samples.get(sc)?.get(ref);
    if (!a || !b) return NaN;
    return median(a.map((x, i) => (by === "rps" ? x.rps / b[i]!.rps : b[i]!.usPerReq / x.usPerReq)));
  };
  const rows: (string | number)[][] = [];
  for (const s of activeScenarios) {
    const bySc = samples.get(s.id);
    if (!bySc) continue;
    const names = [...bySc.keys()].sort((x, y) => ratio(s.id, y, s.reference) - ratio(s.id, x, s.reference)
      || median(bySc.get(y)!.map((v) => v.rps)) - median(bySc.get(x)!.map((v) => v.rps)));
    for (const name of names) {
      const xs = bySc.get(name)!;
      const m = (f: (x: Sample) => number) => median(xs.map(f));
      const hasRef = bySc.has(s.reference);
      rows.push([
        `(${s.id}) ${s.title}`, name, fmtInt(m((x) => x.rps)), fmtMs(m((x) => x.p50)), fmtMs(m((x) => x.p99)),
        xs.reduce((n, x) => n + x.errors + x.non2xx, 0),
        Number.isFinite(m((x) => x.cpu)) ? `${Math.round(100 * m((x) => x.cpu))}%` : "–",
        Number.isFinite(m((x) => x.usPerReq)) ? m((x) => x.usPerReq).toFixed(1) : "–",
        hasRef ? fmtRatio(ratio(s.id, name, s.reference)) : "–",
        hasRef ? fmtRatio(ratio(s.id, name, s.reference, "cpu")) : "–",
      ]);
    }
  }
  say("## Throughput");
  say();
  say("Ratios are against the scenario's reference (raw node:http for (a), Fastify with JSON Schema for (b)–(f)): the median over rounds of the ratio measured inside each round. \"by CPU\" compares the server's CPU time per request instead of wall-clock throughput: it stays meaningful when the machine is shared and the server does not get its core to itself.");
  say();
  say(table(["scenario", "framework", "req/s", "p50 ms", "p99 ms", "errors", "server CPU", "CPU µs/req", "ratio by req/s", "ratio by CPU"], rows,
    ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r"]));
  say();

  if (servers.has("fastapi-ts") && !args.profile) {
    const targets: [string, string, string, number][] = [
      ["a", "fastapi-ts", "node-http", 0.95],
      ["b", "fastapi-ts", "fastify", 1.0], ["b", "fastapi-ts", "hono", 1.3],
      ["c", "fastapi-ts", "fastify", 1.0], ["c", "fastapi-ts", "hono", 1.3],
      ["d", "fastapi-ts", "fastify", 1.0],
    ];
    if (servers.has("fastapi-ts@before")) {
      for (const t of [...targets]) targets.push([t[0], "fastapi-ts@before", t[2], t[3]]);
    }
    const trows = targets
      .filter(([sc, , ref]) => samples.get(sc)?.has(ref))
      .map(([sc, name, ref, want]) => {
        const r = ratio(sc, name, ref);
        const c = ratio(sc, name, ref, "cpu");
        const verdict = (x: number) => (smoke ? "(smoke)" : x >= want ? "met" : "NOT met");
        return [`(${sc})`, `${name} / ${ref}`, `≥ ${want.toFixed(2)}×`, fmtRatio(r), verdict(r), fmtRatio(c), verdict(c)];
      });
    if (trows.length) {
      say("## Targets (medians of per-round ratios)");
      say();
      say(table(["scenario", "ratio", "target", "by req/s", "", "by CPU", ""], trows, ["l", "l", "r", "r", "l", "r", "l"]));
      say();
    }
    const mine = ["fastapi-ts", "fastapi-ts@before"].filter((n) => servers.has(n));
    // node:http by hand answers (b) and (c) too: its ratio against a peer is the most any framework on node:http
    // could reach against that peer, and fastapi-ts's against it is what the framework costs above that floor.
    const floorRows = ["b", "c"].flatMap((sc) => {
      const bySc = samples.get(sc);
      if (!bySc?.has("node-http")) return [];
      const pairs: [string, string][] = [...bySc.keys()].filter((n) => n !== "node-http" && !n.startsWith("fastapi-ts")).map((peer) => ["node-http", peer]);
      for (const name of mine) if (bySc.has(name)) pairs.push([name, "node-http"]);
      return pairs.map(([name, peer]) => [`(${sc})`, `${name} / ${peer}`, fmtRatio(ratio(sc, name, peer)), fmtRatio(ratio(sc, name, peer, "cpu"))]);
    });
    if (floorRows.length) {
      say("## The floor: node:http by hand (medians of per-round ratios)");
      say();
      say("`servers/node-http.ts` parses, checks and answers (b) and (c) by hand, no library: no framework on node:http can pass its ratio against a peer.");
      say();
      say(table(["scenario", "ratio", "by req/s", "by CPU"], floorRows, ["l", "l", "r", "r"]));
      say();
    }
    // (e) and (f) have no target: they are reported against every peer that ran them (issue 17).
    const peerRows = ["e", "f"].flatMap((sc) => {
      const bySc = samples.get(sc);
      if (!bySc) return [];
      const peers = [...bySc.keys()].filter((n) => !n.startsWith("fastapi-ts"));
      return mine.flatMap((name) => peers.map((peer) =>
        [`(${sc})`, `${name} / ${peer}`, fmtRatio(ratio(sc, name, peer)), fmtRatio(ratio(sc, name, peer, "cpu"))]));
    });
    if (peerRows.length) {
      say("## (e) and (f) against every peer (medians of per-round ratios)");
      say();
      say(table(["scenario", "ratio", "by req/s", "by CPU"], peerRows, ["l", "l", "r", "r"]));
      say();
    }
  }
} catch (e) {
  failures.push(`harness: ${(e as Error).stack ?? e}`);
} finally {
  await Promise.all([...servers.values()].map(stopServer));
  driver.proc.stdin!.end();
}

// Start-up and memory of an app with N routes, and its OpenAPI generation.
if (withStartup) {
  const results = new Map<string, { first: number[]; code: number[]; register: number[]; listen: number[]; rss: number[]; heap: number[]; openapi: number[] }>();
  const fws = activeFrameworks.filter((f) => f.startup || f.name === "node-http");
  try {
    for (let round = 0; round < settings.startupRounds; round++) {
      for (const fw of fws) {
        const routes = fw.name === "node-http" ? 0 : settings.routes;
        const server = await startServer(fw, { routes, nodeFlags: ["--expose-gc"] });
        try {
          // The first request goes to the last GET route registered (a router built lazily is built now).
          const last = routes ? `/r${routes - (routes % 2 === 0 ? 2 : 1)}/items/3?limit=5` : "/";
          const res = await request(server.port, { path: last });
          const first = performance.now() - server.spawnedAt;
          if (res.status !== 200) failures.push(`${fw.name} start-up: GET ${last} answered ${res.status} ${res.text.slice(0, 200)}`);
          const mem = (await command(server, "mem", "MEM")) as { rss: number; heapUsed: number };
          const oa = (await command(server, "openapi", "OPENAPI")) as { ms: number } | null;
          const r = results.get(fw.name) ?? { first: [], code: [], register: [], listen: [], rss: [], heap: [], openapi: [] };
          results.set(fw.name, r);
          r.first.push(first);
          r.code.push(server.timings.code);
          r.register.push(server.timings.registered - server.timings.code);
          r.listen.push(server.timings.listening - server.timings.registered);
          r.rss.push(mem.rss);
          r.heap.push(mem.heapUsed);
          if (oa) r.openapi.push(oa.ms);
        } finally {
          await stopServer(server);
        }
      }
    }
    say(`## Start-up with ${settings.routes.toLocaleString("en-US")} routes (medians of ${settings.startupRounds})`);
    say();
    say(`Half \`GET /rN/items/{item_id}\` with validated path and query, half \`POST /rN/items/\` with the body and response models of (c). "first response" is measured by the runner from spawning the process (Node boot included) to the answer of the last route; "boot+imports" is \`performance.now()\` when the server module's body starts; "register" is declaring the routes; "listen" is until the socket listens. Memory after a forced GC, after the first request. node-http: an empty server, the floor.`);
    say();
    say(table(["framework", "app start-up ms", "first response ms", "boot+imports ms", "register ms", "listen ms", "RSS MB", "heap used MB", "openapi() ms"],
      [...results].map(([name, r]) => [name, fmtMs(median(r.first.map((f, i) => f - r.code[i]!))), fmtMs(median(r.first)), fmtMs(median(r.code)),
        fmtMs(median(r.register)), fmtMs(median(r.listen)), fmtMB(median(r.rss)), fmtMB(median(r.heap)), r.openapi.length ? fmtMs(median(r.openapi)) : "–"]),
      ["l", "r", "r", "r", "r", "r", "r", "r", "r"]));
    say();
    const ours = results.get("fastapi-ts");
    if (ours && !smoke) {
      const ms = median(ours.first.map((f, i) => f - ours.code[i]!));
      say(`Target: fastapi-ts ${settings.routes}-route app start-up (declaring the routes, listening, answering the first request) < 300 ms: ${fmtMs(ms)} ms, ${ms < 300 ? "met" : "NOT met"}. Spawn → first response, with Node's boot and the imports (TypeScript sources stripped by Node at load): ${fmtMs(median(ours.first))} ms.`);
      say();
    }
    const compiled = results.get("fastapi-ts (compiled)");
    const hono = results.get("hono");
    if (compiled && hono) {
      // Rounds are interleaved: the ratio is taken inside each round, and the median of those reported.
      const ratio = median(compiled.first.map((f, i) => f / hono.first[i]!));
      say(`Target: spawn → first response of the compiled package ≤ 1.2× Hono's: ${fmtMs(median(compiled.first))} ms against ${fmtMs(median(hono.first))} ms, ${fmtRatio(ratio)} (median of per-round ratios)${smoke ? "" : `, ${ratio <= 1.2 ? "met" : "NOT met"}`}.`);
      say();
    }
    say(importTimes());
  } catch (e) {
    failures.push(`start-up: ${(e as Error).stack ?? e}`);
  }
}

/**
 * The time to import the package in a fresh Node: the compiled entries (what `npm install fastapi-ts` runs) and the
 * workspace's TypeScript sources (stripped by Node at load), medians of a few runs, pinned like the servers.
 */
function importTimes(): string {
  const runs = smoke ? 1 : 5;
  const entries: [string, string][] = [
    ["fastapi-ts (compiled: dist/entry.js)", join(runtimeDir, "dist", "entry.js")],
    ["fastapi-ts/node (compiled: dist/node/entry.js)", join(runtimeDir, "dist", "node", "entry.js")],
    ["fastapi-ts (sources: src/index.ts)", join(runtimeDir, "src", "index.ts")],
    ["zod alone", join(runtimeDir, "..", "node_modules", "zod", "index.js")],
  ];
  const rows = entries.map(([name, file]) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const code = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
      const [cmd, argv] = pinned(0, [process.execPath, "--input-type=module", "-e", code]);
      const r = spawnSync(cmd, argv, { encoding: "utf8" });
      if (r.status === 0) ms.push(Number(r.stdout.trim()));
    }
    return [name, fmtMs(median(ms))];
  });
  return `### Import time (fresh Node, median of ${runs})\n\n${table(["module", "import ms"], rows, ["l", "r"])}\n`;
}

if (args.profile) {
  const files = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
  for (const f of files) {
    say(`## Profile ${join("bench/profiles", f)}`);
    say();
    say(summarizeProfile(join(profileDir, f)));
    say();
  }
}

if (failures.length) {
  exitCode = 1;
  say("## FAILED");
  for (const f of failures) say(`- ${f}`);
} else {
  say(`All servers answered every check correctly${smoke ? "" : " before and after the load"}; no errors under load.`);
}
say(`Load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(" ")}${busyMachine && !smoke ? " (the run began on a busy machine: see the note at the top)" : ""}.`);
if (args.out) writeFileSync(args.out, out.join("\n") + "\n");
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", smoke ? "smoke.md" : args.profile ? "profile.md" : "latest.md"), out.join("\n") + "\n");
process.exit(exitCode);
