/**
 * The load generator process of the benchmark: one long-lived process (pinned to its own CPU by the runner)
 * that runs autocannon programmatically on request, so that cells can be short and many without paying a
 * process start each time. Protocol: one JSON command per line on stdin, one JSON answer per line on stdout.
 *   {"op":"warm", url, method, headers, body, connections, pipelining, duration}  → {"ok":true}
 *   {"op":"run",  ...same}                                                        → {"rps","p50","p99","total","errors","non2xx"}
 */
import autocannon from "autocannon";
import { createInterface } from "node:readline";

interface Cmd {
  op: "warm" | "run";
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  pipelining: number;
  duration: number;
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const cmd = JSON.parse(line) as Cmd;
  const r = await autocannon({
    url: cmd.url, method: cmd.method as "GET", headers: cmd.headers, body: cmd.body,
    connections: cmd.connections, pipelining: cmd.pipelining, duration: cmd.duration,
  });
  if (cmd.op === "warm") {
    process.stdout.write(JSON.stringify({ ok: true }) + "\n");
    continue;
  }
  process.stdout.write(JSON.stringify({
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, seconds: r.duration,
    errors: r.errors + r.timeouts, non2xx: r.non2xx,
  }) + "\n");
}
