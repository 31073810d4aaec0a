// The app worker's warm-up (runtime-warmup.ts) against the real runtime and zod: it must run through the paths a
// reader's app takes, and leave no trace a reader's app could see.
import * as runtime from "fastapi-ts";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as zod from "zod";
import { warmRuntime } from "./runtime-warmup.ts";

afterEach(() => vi.restoreAllMocks());

describe("warmRuntime", () => {
  it("declares, documents and calls its app: valid and invalid path, query and body, a response model", async () => {
    expect(await warmRuntime(runtime, zod)).toEqual([200, 422, 201, 422]);
  });

  it("writes nothing to the console (the reader's log pane shows the worker's console)", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
    await warmRuntime(runtime, zod);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("leaves an app declared after it documented exactly as one declared before it", async () => {
    const declare = () => {
      const { z } = zod;
      const Item = z.object({ name: z.string(), price: z.number().gt(0) }).meta({ id: "Item" });
      const app = new runtime.FastAPI();
      app.post("/items/", { params: { item: Item }, responseModel: Item }, async function create_item({ item }) {
        return item;
      });
      app.get("/items/{item_id}", { params: { item_id: z.int(), q: runtime.Query(z.string().nullable().default(null)) } }, async function read_item({ item_id, q }) {
        return { item_id, q };
      });
      return JSON.stringify(app.openapi());
    };
    const before = declare();
    await warmRuntime(runtime, zod);
    expect(declare()).toBe(before);
  });
});
