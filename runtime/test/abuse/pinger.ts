/**
 * A `/health` pinger in its own process (`fork`ed by forms.test.ts): the test process is busy writing the abusive
 * body, and a pinger sharing its event loop would time the test's own stall rather than the server's. Pings every
 * 5 ms over one keep-alive connection until told to stop, then sends back every latency in ms.
 */
import { Agent, request } from "node:http";

const url = process.argv[2]!;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let stopping = false;
process.once("message", () => (stopping = true));
process.send!("ready");
while (!stopping) {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    request(`${url}/health`, { agent }, (res) => {
      res.resume();
      res.on("end", resolve);
    }).on("error", reject).end();
  });
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 5));
}
process.send!(latencies, () => process.exit(0));
