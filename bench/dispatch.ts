/**
 * fastapi-ts's own cost per request, without the network: `app.dispatch(request)` on the app of
 * `servers/fastapi-ts.ts` for the six scenarios of the HTTP benchmark, counted per CPU-second of this process (on a shared machine wall-clock time measures the
 * neighbours too). With `--compare DIR`, the same app on another copy of the runtime runs interleaved with it
 * (order alternated each round), and the median of the per-round ratios is reported.
 *
 *   node bench/dispatch.ts --compare /path/to/older/runtime --rounds 9 --requests 20000
 */
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writeCompareServer } from "./servers/compare.ts";

type Runtime = typeof import("fastapi-ts");
type App = typeof import("./servers/fastapi-ts.ts")["app"];
type Scenario = "a" | "b" | "c" | "d" | "e" | "f";

const { values: args } = parseArgs({
  options: { compare: { type: "string" }, rounds: { type: "string", default: "9" }, requests: { type: "string", default: "20000" } },
});

const item = JSON.stringify({ name: "Widget", description: "A widget", price: 10.5, tax: 1.5, tags: ["a", "b"], dimensions: { width: 1, height: 2, unit: "cm" } });
const itemBytes = new TextEncoder().encode(item);
const order = JSON.stringify({
  customer: "Ada Lovelace", email: "ada@example.com", currency: "EUR", shipping: { street: "12 Analytical Row", city: "London", postcode: "N1 9GU", country: "GB" },
  lines: [{ sku: "GEAR-01", quantity: 3, unit_price: 12.5 }, { sku: "CARD-77", quantity: 100, unit_price: 0.2, discount: 0.1 }, { sku: "LEVER-9", quantity: 1, unit_price: 99.99 }],
  notes: null, coupon: "WELCOME", tags: ["priority", "fragile"],
});
const orderBytes = new TextEncoder().encode(order);

/** A request as the Node adapter builds it (headers on first use, the body as one chunk). */
function requestFor(m: Runtime, s: Scenario): InstanceType<Runtime["Request"]> {
  const init = { client: { host: "127.0.0.1", port: 50000 } };
  switch (s) {
    case "a": return new m.Request({ ...init, method: "GET", url: "http://127.0.0.1/", headers: () => new Headers() });
    case "b": return new m.Request({ ...init, method: "GET", url: "http://127.0.0.1/items/42?q=hello&limit=7", headers: () => new Headers() });
    case "c": return new m.Request({
      ...init, method: "POST", url: "http://127.0.0.1/items/",
      headers: () => new Headers({ "content-type": "application/json", "content-length": String(itemBytes.byteLength) }),
      body: (async function* () {
        yield itemBytes;
      })(),
    });
    case "d": return new m.Request({ ...init, method: "GET", url: "http://127.0.0.1/users/me", headers: () => new Headers({ authorization: "Bearer token-alice" }) });
    case "e": return new m.Request({
      ...init, method: "POST", url: "http://127.0.0.1/orders/",
      headers: () => new Headers({ "content-type": "application/json", "content-length": String(orderBytes.byteLength) }),
      body: (async function* () {
        yield orderBytes;
      })(),
    });
    case "f": return new m.Request({
      ...init, method: "GET", url: "http://127.0.0.1/search?q=widget&page=2&size=20",
      headers: () => new Headers({ "x-request-id": "req-5f2c", cookie: "session_id=s3ss10n; theme=dark" }),
    });
  }
}

interface Subject { name: string; m: Runtime; app: App }

/** Requests per CPU-second for `n` sequential dispatches (each answer checked for its status). */
async function measure(subject: Subject, s: Scenario, n: number): Promise<number> {
  const expected = s === "c" || s === "e" ? 201 : 200;
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const response = await subject.app.dispatch(requestFor(subject.m, s));
    if (response.status !== expected) throw new Error(`${subject.name} (${s}): status ${response.status} ${String(response.body)}`);
  }
  const used = process.cpuUsage(start);
  return n / ((used.user + used.system) / 1e6);
}

// The app of the HTTP benchmark's server file (imported, it does not listen); for `--compare`, the same file on the
// other runtime, written as the runner writes it (`servers/_compare.ts`).
const subjects: Subject[] = [];
const current = (await import("fastapi-ts")) as Runtime;
subjects.push({ name: "fastapi-ts", m: current, app: (await import("./servers/fastapi-ts.ts")).app });
if (args.compare) {
  const server = writeCompareServer(args.compare);
  const other = (await import(pathToFileURL(join(resolve(args.compare), "src/index.ts")).href)) as Runtime;
  subjects.push({ name: "fastapi-ts@before", m: other, app: (await import(pathToFileURL(server).href)).app as App });
}
const rounds = Number(args.rounds);
const n = Number(args.requests);
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

console.log(`node ${process.version}; ${rounds} rounds of ${n} dispatches per subject and scenario, interleaved; requests per CPU-second, medians`);
console.log("");
console.log(`| scenario | ${subjects.map((s) => `${s.name} req/CPU-s | µs/req`).join(" | ")}${subjects.length > 1 ? " | ratio (median of rounds) | range" : ""} |`);
console.log(`|:--|${subjects.map(() => "--:|--:").join("|")}${subjects.length > 1 ? "|--:|:--" : ""}|`);
for (const s of ["a", "b", "c", "d", "e", "f"] as const) {
  for (const subject of subjects) await measure(subject, s, 2000); // warm-up
  const rates = subjects.map(() => [] as number[]);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...subjects.keys()].reverse() : [...subjects.keys()];
    const got: number[] = [];
    for (const i of order) got[i] = await measure(subjects[i]!, s, n);
    got.forEach((rate, i) => rates[i]!.push(rate));
    if (subjects.length > 1) ratios.push(got[0]! / got[1]!);
  }
  const cells = rates.map((xs) => `${Math.round(median(xs)).toLocaleString("en-US")} | ${(1e6 / median(xs)).toFixed(1)}`);
  const ratio = ratios.length ? ` | ${median(ratios).toFixed(2)}× | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : "";
  console.log(`| (${s}) | ${cells.join(" | ")}${ratio} |`);
}
