// Perf: every version of the reader's code runs in a fresh app worker, and V8 compiles each function of the runtime
// and zod the first time it is called. In a worker that had just loaded them, a first app (body/tutorial001) took
// ~34 ms to import, build its OpenAPI document and answer a request; ~5 ms once another app had done the same
// (Node 24, worker threads; measured 2026-12-06). The spare worker (WorkerExecutor) runs this small app of ours
// while it waits for the reader's next edit, so that the edit finds that code compiled.
//
// It leaves nothing the reader's app can see: no schema registered by id in zod's registry, no console output, no
// lifespan, no module state beyond caches keyed by its own objects; its app is garbage once it returns.
import type * as Runtime from "fastapi-ts";
import type * as Zod from "zod";

/**
 * Declares, documents and calls a small app with the runtime and zod an app worker loaded; resolves with the
 * statuses of its answers (200, 422, 201, 422: a warm-up whose requests fail early warms less).
 */
export async function warmRuntime(runtime: typeof Runtime, { z }: typeof Zod): Promise<number[]> {
  const { FastAPI, Query, Header } = runtime;
  const Item = z.object({
    name: z.string().min(1),
    description: z.string().nullable().default(null),
    price: z.number().gt(0),
    tags: z.array(z.string()).default([]),
  });
  const app = new FastAPI({ title: "warm-up" });
  app.get(
    "/items/{item_id}",
    { params: { item_id: z.int(), q: Query(z.string().max(50).nullable().default(null)), user_agent: Header(z.string().nullable().default(null)) } },
    async function read_item({ item_id, q }) {
      return { item_id, q };
    },
  );
  app.post("/items/", { params: { item: Item }, responseModel: Item, statusCode: 201 }, async function create_item({ item }) {
    return item;
  });
  app.openapi();
  const base = "http://warm-up.invalid";
  const requests = [
    new Request(`${base}/items/1?q=a`),
    new Request(`${base}/items/x`),
    new Request(`${base}/items/`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"a","price":1}' }),
    new Request(`${base}/items/`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"price":0}' }),
  ];
  const statuses: number[] = [];
  for (const request of requests) {
    const response = await app.fetch(request);
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}
