/**
 * What every server of the benchmark shares: the data, the zod models (used by the frameworks that validate
 * with zod), and the start-up protocol with the runner (`READY <port> <timings>` on stdout, commands on stdin).
 */
import { z } from "zod";

/** (c) The request body model: six fields, one nested object, one list. */
export const Dimensions = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  unit: z.enum(["cm", "in"]),
});
export const ItemIn = z.object({
  name: z.string().min(1).max(100),
  description: z.string().max(500).nullable().optional(),
  price: z.number().positive(),
  tax: z.number().nonnegative().optional(),
  tags: z.array(z.string().max(30)).max(10),
  dimensions: Dimensions,
});
/** (c) The response model: drops `description`, `tax` and whatever else the handler returns. */
export const ItemOut = z.object({
  id: z.int(),
  name: z.string(),
  price: z.number(),
  price_with_tax: z.number(),
  tags: z.array(z.string()),
  dimensions: Dimensions,
});

/** (d) The users the dependency chain looks up by bearer token. */
export interface User { username: string; full_name: string; email: string; active: boolean }
export const USERS = new Map<string, User>([
  ["token-alice", { username: "alice", full_name: "Alice Liddell", email: "alice@example.com", active: true }],
  ["token-bob", { username: "bob", full_name: "Bob Ross", email: "bob@example.com", active: false }],
]);

/** (c) What the handler computes from a valid item (before the response model filters it). */
export function createItem(item: z.output<typeof ItemIn>): Record<string, unknown> {
  return { id: 1, ...item, price_with_tax: item.price + (item.tax ?? 0), internal_note: "not sent" };
}

/** Number of extra routes to register for the start-up measurement (`BENCH_ROUTES`). */
export const EXTRA_ROUTES = Number(process.env.BENCH_ROUTES ?? 0);
const tStart = performance.now();

/**
 * Tells the runner the server is up, with timings in ms since the process started (`performance.now()`):
 * `code` = when the server module's body began (Node boot + imports), `listening` = after `listen`.
 * Then answers the runner's commands on stdin: `mem` (RSS/heap after a GC), `openapi` (time of the
 * framework's OpenAPI generation, when it has one).
 */
export function ready(port: number, registeredAt: number, extra: { openapi?: () => unknown } = {}): void {
  const listening = performance.now();
  process.stdout.write(`READY ${port} ${JSON.stringify({ code: tStart, registered: registeredAt, listening })}\n`);
  let buf = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf("\n")) !== -1) {
      const cmd = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (cmd === "mem") {
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        process.stdout.write(`MEM ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal })}\n`);
      } else if (cmd === "openapi") {
        if (!extra.openapi) { process.stdout.write("OPENAPI null\n"); continue; }
        const t0 = performance.now();
        const doc = extra.openapi();
        const ms = performance.now() - t0;
        process.stdout.write(`OPENAPI ${JSON.stringify({ ms, bytes: JSON.stringify(doc).length })}\n`);
      }
    }
  });
  // Exit cleanly on SIGTERM so that `--cpu-prof` writes its profile.
  process.on("SIGTERM", () => process.exit(0));
}
