// Raw node:http: the limit for (a), as fastify/benchmarks' `node-http`; and the floor for (b) and (c): the same
// requests parsed, checked and answered by hand, no library. What a framework on node:http costs at the least, so
// the ratios any of them can reach against another are bounded by this server's against that one.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ready } from "./shared.ts";

function json(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(value));
}

const isInt = (text: string | null): boolean => text !== null && /^-?\d+$/.test(text);

// (b) `GET /items/{item_id}?q=&limit=`: item_id an integer, q at most 50 characters, limit 1–100 (default 10).
function readItem(res: ServerResponse, url: URL): void {
  const id = url.pathname.slice("/items/".length);
  const q = url.searchParams.get("q");
  const limit = url.searchParams.get("limit");
  const limitValue = limit === null ? 10 : Number(limit);
  if (!isInt(id) || (q !== null && q.length > 50) || (limit !== null && !isInt(limit)) || limitValue < 1 || limitValue > 100) return json(res, 400, { error: "invalid" });
  json(res, 200, q === null ? { item_id: Number(id), limit: limitValue } : { item_id: Number(id), q, limit: limitValue });
}

const positive = (v: unknown): v is number => typeof v === "number" && v > 0;
const shortString = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;

// (c) `POST /items/`: the body of `ItemIn` checked field by field, answered as `ItemOut`.
function createItem(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return json(res, 400, { error: "invalid JSON" });
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return json(res, 400, { error: "invalid" });
    const { name, description, price, tax, tags, dimensions: d } = parsed as Record<string, unknown>;
    const dims = d as Record<string, unknown> | null;
    const valid =
      shortString(name, 100) && name.length > 0 &&
      (description === undefined || description === null || shortString(description, 500)) &&
      positive(price) && (tax === undefined || (typeof tax === "number" && tax >= 0)) &&
      Array.isArray(tags) && tags.length <= 10 && tags.every((tag) => shortString(tag, 30)) &&
      typeof dims === "object" && dims !== null && positive(dims.width) && positive(dims.height) && (dims.unit === "cm" || dims.unit === "in");
    if (!valid) return json(res, 400, { error: "invalid" });
    json(res, 201, {
      id: 1, name, price, price_with_tax: price + ((tax as number | undefined) ?? 0), tags,
      dimensions: { width: dims.width, height: dims.height, unit: dims.unit },
    });
  });
}

const registered = performance.now();
const server = createServer((req, res) => {
  if (req.url === "/" && req.method === "GET") {
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ hello: "world" }));
    return;
  }
  if (req.method === "GET" && req.url?.startsWith("/items/")) return readItem(res, new URL(req.url, "http://localhost"));
  if (req.method === "POST" && req.url === "/items/") return createItem(req, res);
  res.statusCode = 404;
  res.end();
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => ready((server.address() as AddressInfo).port, registered));
