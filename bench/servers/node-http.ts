// Raw node:http: the limit for (a). As fastify/benchmarks' `node-http`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ready } from "./shared.ts";

const registered = performance.now();
const server = createServer((req, res) => {
  if (req.url === "/" && req.method === "GET") {
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ hello: "world" }));
    return;
  }
  res.statusCode = 404;
  res.end();
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => ready((server.address() as AddressInfo).port, registered));
