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

/** (e) One line of an order: an element of the body's nested list of objects. */
export const OrderLine = z.object({
  sku: z.string().min(1).max(20),
  quantity: z.int().min(1).max(1000),
  unit_price: z.number().positive(),
  discount: z.number().min(0).max(1).optional(),
});
/** (e) The request body model: ten fields, one nested object, a nested list of objects, a list of strings. */
export const OrderIn = z.object({
  customer: z.string().min(1).max(100),
  email: z.string().min(3).max(254),
  currency: z.enum(["EUR", "USD", "GBP"]),
  shipping: z.object({ street: z.string().max(200), city: z.string().max(100), postcode: z.string().max(10), country: z.string().length(2) }),
  lines: z.array(OrderLine).min(1).max(50),
  notes: z.string().max(500).nullable().optional(),
  gift: z.boolean().default(false),
  coupon: z.string().max(20).optional(),
  priority: z.int().min(0).max(5).default(0),
  tags: z.array(z.string().max(30)).max(10),
});
/** (e) The response model: drops `email`, `notes`, `coupon`, `tags` and whatever else the handler returns. */
export const OrderOut = z.object({
  id: z.int(),
  customer: z.string(),
  currency: z.enum(["EUR", "USD", "GBP"]),
  shipping: z.object({ street: z.string(), city: z.string(), postcode: z.string(), country: z.string() }),
  lines: z.array(z.object({ sku: z.string(), quantity: z.int(), unit_price: z.number(), total: z.number() })),
  total: z.number(),
  gift: z.boolean(),
  priority: z.int(),
});

/** (e) What the handler computes from a valid order (before the response model filters it). */
export function createOrder(order: z.output<typeof OrderIn>): Record<string, unknown> {
  const lines = order.lines.map((l) => ({ ...l, total: Math.round(l.quantity * l.unit_price * (1 - (l.discount ?? 0)) * 100) / 100 }));
  return { id: 7, ...order, lines, total: lines.reduce((t, l) => t + l.total, 0), internal_note: "not sent" };
}

/** (f) What the search route answers: its three query parameters, the header and the cookie it read. */
export function searchResult(q: string, page: number, size: number, requestId: string, session: string): Record<string, unknown> {
  return { q, page, size, request_id: requestId, session };
}

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
