// Serves the built site (build/) on localhost: what `npm start` runs for readers and self-hosters.
// No network is needed: every asset, the runtime, esbuild's wasm and the docs UIs are in build/.
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import sirv from "sirv";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "4173" },
    host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
    dir: { type: "string", default: join(root, "build") },
  },
});

if (!existsSync(join(values.dir, "index.html"))) {
  console.error(`No built site in ${values.dir}: run \`npm run build\` first.`);
  process.exit(1);
}

const assets = sirv(values.dir, {
  etag: true,
  gzip: false,
  extensions: ["html"],
  setHeaders(res, pathname) {
    if (pathname.endsWith(".wasm")) res.setHeader("Content-Type", "application/wasm");
    if (pathname.startsWith("/_app/immutable/")) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  },
});
const notFoundPage = join(values.dir, "404.html");
const notFound = existsSync(notFoundPage) ? readFileSync(notFoundPage) : Buffer.from("Not Found");

const server = createServer((req, res) => {
  assets(req, res, () => {
    // Unknown paths get the site's 404 page, with the 404 status.
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(req.method === "HEAD" ? undefined : notFound);
  });
});

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : values.port;
  console.log(`fastapi-ts site: http://${values.host === "0.0.0.0" ? "localhost" : values.host}:${port}/`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
