// The OpenAPI document each example's app serves, produced while the site builds, so that Run shows Swagger UI at
// once while the app worker boots behind it. The example's bundle runs in a Node worker thread against the very
// vendor modules the browser's app worker loads (static/vendor/, built before the site), the way the app worker
// runs it (runner.worker.ts): import, lifespan start, `app.openapi()`. The examples sweep (e2e/examples.test.ts)
// checks that each document equals what the running app serves in the browser.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { linkBundle } from "$playground/executor/compile.ts";
import { VENDOR_WASM_FILES } from "$playground/executor/vendor-wasm.ts";
import type { ExampleDocs } from "$playground/project/example.ts";

/** The vendor modules an example may import (see PROVIDED_MODULES); vitest.js is for tests only. */
const VENDOR_MODULES = ["zod.js", "fastapi-ts.js", "jose.js", "bcryptjs.js", "sql-js.js", "graphql-yoga.js"];
/** An app that has not given its document by then is left to the browser (its Run then waits for the worker). */
const TIMEOUT_MS = 20_000;

// A CommonJS script for `new Worker(…, { eval: true })`: the site's server code is bundled by Vite, so a worker
// file beside this one would not be found. Each message is one bundle, already linked to the vendor files.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
globalThis[Symbol.for("fastapi-ts.vendor-wasm")] = workerData.wasm;
parentPort.on("message", async ({ id, url }) => {
  try {
    const module = await import(url);
    const app = module.app ?? module.default;
    if (!app || typeof app.fetch !== "function") throw new Error("main.ts exports no app");
    if (typeof app.startup === "function") await app.startup();
    const openapiUrl = app.openapiUrl === undefined ? "/openapi.json" : app.openapiUrl;
    // Asked for as the browser asks the running app, so the document is the one it serves (with its rootPath
    // server, which the docs route adds per request).
    const served = openapiUrl ? await app.fetch(new Request(new URL(openapiUrl, "http://localhost/"))) : null;
    const openapi = served && served.ok ? await served.json() : typeof app.openapi === "function" ? app.openapi() : null;
    const websockets = (app.websocketRoutes ?? []).map((route) => route.path);
    parentPort.postMessage({ id, docs: JSON.parse(JSON.stringify({ openapi, openapiUrl, websockets })) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

type Answer = { id: number; docs?: ExampleDocs; error?: string };

/**
 * One worker thread runs the examples one after another: zod and the runtime load once (half a second), each
 * example then takes milliseconds. Apps share the runtime's modules as they would in one Node process; the sweep's
 * comparison with the browser (a fresh worker per app) is what proves a document right.
 */
class DocsThread {
  private thread?: Worker;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private vendor?: Promise<{ urls: Record<string, string>; wasm: Record<string, ArrayBuffer> }>;

  /** The vendor modules, linked to each other by file URL in a temporary folder (a data: URL this big resolves slowly). */
  private loadVendor(): Promise<{ urls: Record<string, string>; wasm: Record<string, ArrayBuffer> }> {
    this.vendor ??= (async () => {
      const source = resolve("static/vendor");
      const folder = await mkdtemp(join(tmpdir(), "fastapi-ts-docs-"));
      const urls: Record<string, string> = {};
      for (const file of VENDOR_MODULES) urls[file] = pathToFileURL(join(folder, file)).href;
      await Promise.all(VENDOR_MODULES.map(async (file) => writeFile(join(folder, file), linkBundle(await readFile(join(source, file), "utf8"), (dep) => urls[dep] ?? dep))));
      const wasm: Record<string, ArrayBuffer> = {};
      for (const file of VENDOR_WASM_FILES) {
        const bytes = await readFile(join(source, file));
        wasm[file] = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      }
      return { urls, wasm };
    })();
    return this.vendor;
  }

  /** Runs `code` (a bundle from compileProject) and answers its documents, or an error. */
  run(code: string): Promise<ExampleDocs | { error: string }> {
    const answer = this.queue.then(() => this.runNow(code));
    this.queue = answer.catch(() => {});
    return answer;
  }

  private async runNow(code: string): Promise<ExampleDocs | { error: string }> {
    const { urls, wasm } = await this.loadVendor();
    const thread = (this.thread ??= new Worker(THREAD, { eval: true, workerData: { wasm } }));
    // The build's process may end while the thread waits for the next example.
    thread.unref();
    const id = ++this.nextId;
    const url = `data:text/javascript;base64,${Buffer.from(linkBundle(code, (file) => urls[file] ?? file)).toString("base64")}`;
    return new Promise((resolveAnswer) => {
      const timer = setTimeout(() => {
        finish({ id, error: `no document within ${TIMEOUT_MS / 1000} s` });
        // A stuck app holds the thread: the next example gets a fresh one.
        void thread.terminate();
        if (this.thread === thread) this.thread = undefined;
      }, TIMEOUT_MS);
      const onMessage = (message: Answer) => message.id === id && finish(message);
      const onError = (error: Error) => finish({ id, error: String(error) });
      const finish = (message: Answer) => {
        clearTimeout(timer);
        thread.off("message", onMessage);
        thread.off("error", onError);
        if (this.thread === thread && message.error && !message.docs) {
          // An app that failed may have left the thread in any state: start the next one afresh.
          void thread.terminate();
          this.thread = undefined;
        }
        resolveAnswer(message.docs ?? { error: message.error ?? "no answer" });
      };
      thread.on("message", onMessage);
      thread.once("error", onError);
      thread.postMessage({ id, url });
    });
  }
}

let thread: DocsThread | undefined;

/**
 * The OpenAPI document, its URL and the websocket paths of the app `code` bundles (made by compileProject with the
 * vendor placeholder), as the browser's app worker would report them; undefined (and a warning) when the app does
 * not start in Node, in which case the browser shows the docs once its own worker has run the app.
 */
export async function exampleDocs(name: string, code: string): Promise<ExampleDocs | undefined> {
  thread ??= new DocsThread();
  const answer = await thread.run(code);
  if ("error" in answer) {
    console.warn(`example ${name}: no build-time OpenAPI document (${answer.error.split("\n")[0]})`);
    return undefined;
  }
  return answer;
}
