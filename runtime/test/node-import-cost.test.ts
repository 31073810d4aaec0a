// What importing the Node adapter and serving with it loads. An ESM import of node:http builds its namespace, and
// the namespace's lazy `WebSocket`, `CloseEvent` and `MessageEvent` exports load undici: ~20 ms of every start-up
// (`fastapi-ts/node` imported in 70 ms instead of 49). The adapter takes node:http as Node's own module instead, and
// a request that succeeds needs no Web `Headers`, so undici stays unloaded until something does.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** Runs `code` as an ES module in a fresh Node and returns what it printed. */
function fresh(code: string): string {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", cwd: fileURLToPath(new URL("..", import.meta.url)) });
  expect(run.stderr).toBe("");
  return run.stdout.trim();
}

const undiciLoaded = `process.moduleLoadList.some((m) => m.includes("undici"))`;

describe("the Node adapter's start-up", () => {
  it("does not load undici when imported", () => {
    expect(fresh(`await import(${JSON.stringify(source("node/index.ts"))}); console.log(${undiciLoaded});`)).toBe("false");
  });

  it("nor when it serves requests that succeed or fail validation", () => {
    const out = fresh(`
      const { FastAPI } = await import(${JSON.stringify(source("index.ts"))});
      const { serve } = await import(${JSON.stringify(source("node/index.ts"))});
      const { z } = await import("zod");
      const app = new FastAPI();
      app.post("/items/", { params: { item: z.object({ name: z.string() }) }, responseModel: z.object({ name: z.string() }) }, async function create({ item }) { return item; });
      app.get("/items/{id}", { params: { id: z.int() } }, async function read({ id }) { return { id }; });
      const server = await serve(app, { port: 0 });
      const { request } = process.getBuiltinModule("node:http");
      const call = (method, path, body) => new Promise((resolve, reject) => {
        const r = request({ port: server.port, method, path, headers: body ? { "content-type": "application/json" } : {} }, (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
        r.on("error", reject);
        r.end(body);
      });
      const statuses = [await call("POST", "/items/", '{"name":"a"}'), await call("GET", "/items/3"), await call("GET", "/items/x")];
      await server.close();
      console.log(JSON.stringify({ statuses, undici: ${undiciLoaded} }));
    `);
    expect(JSON.parse(out)).toEqual({ statuses: [200, 200, 422], undici: false });
  });
});
