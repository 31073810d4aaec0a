// What the WebContainer executor writes into the container: a small Node server that runs the app
// with the runtime's own Node adapter, and the vendor modules it imports. Everything is on disk before
// `node` starts, so nothing needs `npm install` and the container works offline once booted.
import { linkBundle } from "./compile.ts";
import type { Problem } from "./types.ts";

/** The vendor module holding the runtime and its Node adapter (built by scripts/build-vendor.ts, platform node). */
export const NODE_RUNTIME = "fastapi-ts-node.js";

/** The vendor modules the container needs: the app's imports, with `fastapi-ts.js` served by {@link NODE_RUNTIME}. */
export const CONTAINER_VENDOR = ["zod.js", NODE_RUNTIME, "jose.js", "bcryptjs.js", "graphql-yoga.js"] as const;

/** Where the app's bundle is written; the server imports it. */
export const APP_FILE = "app.mjs";
export const SERVER_FILE = "server.mjs";

/** Prefixes the lines the server writes for the executor, so that they are told apart from the app's own output. */
export const REPORT_MARK = "@@fastapi-ts@@ ";

/** What the server reports on its output, one JSON line each after {@link REPORT_MARK}. */
export type ServerReport =
  | { type: "listening"; port: number; openapiUrl: string | null; websockets: string[] }
  | { type: "failed"; problem: Problem }
  | { type: "log"; level: "log" | "info" | "warn" | "error" | "debug"; text: string };

/** A file tree in the shape `WebContainer.mount` takes (only files and folders). */
export type ContainerTree = { [name: string]: { file: { contents: string } } | { directory: ContainerTree } };

// The server reports through stdout (the only channel a WebContainer process has besides its port).
// PORT and HOST default to what a WebContainer forwards; a host may set them (the tests' fake does).
// The page reaches the server on another origin (the container's preview host), so the server lets the
// page's origin read its answers (CORS). An app's own CORS headers win over these.
const serverSource = (pageOrigin: string | null) => `// Written by the fastapi-ts playground: runs app.mjs with the runtime's Node adapter.
import { serve } from "./vendor/${NODE_RUNTIME}";
import { format } from "node:util";

const pageOrigin = ${JSON.stringify(pageOrigin)};
// Stacks name the user's files and lines (the bundle has an inline source map); a runtime without it still runs.
process.setSourceMapsEnabled?.(true);

/** Lets the playground page (another origin) call the app: answers its preflights, and exposes answers to it. */
function allowPage(server) {
  if (!pageOrigin) return;
  const listeners = server.listeners("request");
  server.removeAllListeners("request");
  server.on("request", (req, res) => {
    if (req.headers.origin === pageOrigin) {
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
        res.writeHead(204, {
          "access-control-allow-origin": pageOrigin,
          "access-control-allow-methods": req.headers["access-control-request-method"],
          "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "",
          "access-control-max-age": "600",
          vary: "Origin",
        });
        res.end();
        return;
      }
      res.setHeader("access-control-allow-origin", pageOrigin);
      res.setHeader("access-control-expose-headers", "*");
      res.setHeader("vary", "Origin");
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}

const report = (message, then) => process.stdout.write(${JSON.stringify(REPORT_MARK)} + JSON.stringify(message) + "\\n", then);
const problem = (error) =>
  error instanceof Error
    ? { kind: "runtime", message: error.name + ": " + error.message, ...(error.stack ? { stack: error.stack } : {}) }
    : { kind: "runtime", message: String(error) };
const fail = (p) => report({ type: "failed", problem: p }, () => process.exit(1));

for (const level of ["log", "info", "warn", "error", "debug"]) {
  console[level] = (...args) => report({ type: "log", level, text: format(...args) });
}

try {
  const module = await import("./${APP_FILE}");
  const app = module.app ?? module.default;
  if (typeof app?.fetch !== "function") {
    fail({ kind: "runtime", message: "main.ts must export the application: \`export const app = new FastAPI();\`" });
  } else {
    const openapiUrl = app.openapiUrl === undefined ? "/openapi.json" : app.openapiUrl;
    const running = await serve(app, { host: process.env.HOST || "0.0.0.0", port: Number(process.env.PORT || 3000), serveDocsAssets: false });
    allowPage(running.server);
    const websockets = (app.websocketRoutes ?? []).map((route) => route.path);
    report({ type: "listening", port: running.port, openapiUrl, websockets });
  }
} catch (error) {
  fail(problem(error));
}
`;

/**
 * The server script and package.json, plus the vendor modules (by file name → source) under `vendor/`.
 * `pageOrigin` is the origin of the page that sends the app requests (null: no cross-origin caller).
 */
export function containerTree(vendor: Record<string, string>, pageOrigin: string | null): ContainerTree {
  const modules: ContainerTree = {};
  for (const [file, source] of Object.entries(vendor)) {
    // Vendor modules import each other through the placeholder origin; in the container they are siblings.
    modules[file] = { file: { contents: linkBundle(source, (dep) => `./${dep === "fastapi-ts.js" ? NODE_RUNTIME : dep}`) } };
  }
  return {
    "package.json": { file: { contents: JSON.stringify({ name: "fastapi-ts-playground-app", private: true, type: "module" }, null, 2) } },
    [SERVER_FILE]: { file: { contents: serverSource(pageOrigin) } },
    vendor: { directory: modules },
  };
}

/** The app's bundle as the container runs it: its imports point at the vendor folder. */
export function containerApp(bundle: string): string {
  return linkBundle(bundle, (file) => `./vendor/${file === "fastapi-ts.js" ? NODE_RUNTIME : file}`);
}

/** Reads one line of the server's output: a report, or `undefined` for the app's own output. */
export function parseReport(line: string): ServerReport | undefined {
  const at = line.indexOf(REPORT_MARK);
  if (at < 0) return undefined;
  try {
    return JSON.parse(line.slice(at + REPORT_MARK.length)) as ServerReport;
  } catch {
    return undefined;
  }
}
