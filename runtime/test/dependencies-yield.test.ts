import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BackgroundTasks, Depends, FastAPI, FastAPIError, HTTPException, Query, StreamingResponse, TestClient, dependency } from "../src/index.ts";
import { withServer } from "./helpers.ts";

class InternalError extends Error {}

/** An app whose dependencies log their setup and teardown, as the "Dependencies with yield" pages do. */
function loggingApp() {
  const log: string[] = [];
  async function* dependency_a() {
    log.push("a: setup");
    try {
      yield "A";
    } finally {
      log.push("a: teardown");
    }
  }
  const dependencyB = dependency({ params: { dep_a: Depends(dependency_a) } }, async function* dependency_b({ dep_a }) {
    log.push("b: setup");
    try {
      yield `${dep_a}B`;
    } finally {
      log.push(`b: teardown (a is ${dep_a})`);
    }
  });
  function* dependency_c() { // a sync generator works too
    log.push("c: setup");
    try {
      yield "C";
    } catch (e) {
      log.push(`c: caught ${(e as Error).message}`);
      throw e;
    } finally {
      log.push("c: teardown");
    }
  }
  const app = new FastAPI();
  app.get("/ok", { params: { b: Depends(dependencyB), c: Depends(dependency_c) } }, async function ok({ b, c }) {
    log.push("handler");
    return { b, c };
  });
  app.get("/boom", { params: { b: Depends(dependencyB), c: Depends(dependency_c) } }, async function boom() {
    log.push("handler");
    throw new HTTPException(418, { detail: "teapot" });
  });
  return { app, log };
}

describe("dependencies with yield", () => {
  it("sets up in order, injects the yielded values, tears down in reverse order after the response", async () => {
    const { app, log } = loggingApp();
    const client = new TestClient(app);
    const r = await client.get("/ok");
    expect(r.json()).toEqual({ b: "AB", c: "C" });
    expect(log).toEqual(["a: setup", "b: setup", "c: setup", "handler", "c: teardown", "b: teardown (a is A)", "a: teardown"]);
  });

  it("throws the handler's exception into each generator at its yield; the HTTPException still answers", async () => {
    const { app, log } = loggingApp();
    const r = await new TestClient(app).get("/boom");
    expect([r.status, r.json()]).toEqual([418, { detail: "teapot" }]);
    expect(log).toEqual(["a: setup", "b: setup", "c: setup", "handler", "c: caught teapot", "c: teardown", "b: teardown (a is A)", "a: teardown"]);
  });

  it("lets code after yield turn an error into an HTTPException response", async () => {
    async function* get_username() {
      try {
        yield "Rick";
      } catch (e) {
        if (e instanceof InternalError) throw new HTTPException(500, { detail: `Internal error: ${e.message}` });
        throw e;
      }
    }
    const app = new FastAPI();
    app.get("/items/{item_id}", { params: { item_id: z.string(), username: Depends(get_username) } }, async function get_item({ item_id, username }) {
      if (item_id === "portal-gun") throw new InternalError(`The portal gun is too dangerous to be owned by ${username}`);
      if (item_id !== "plumbus") throw new HTTPException(404, { detail: "Item not found, there's only a plumbus here" });
      return { item_id, owner: username };
    });
    const client = new TestClient(app);
    expect((await client.get("/items/plumbus")).json()).toEqual({ item_id: "plumbus", owner: "Rick" });
    const gun = await client.get("/items/portal-gun");
    expect([gun.status, gun.json()]).toEqual([500, { detail: "Internal error: The portal gun is too dangerous to be owned by Rick" }]);
    const other = await client.get("/items/other");
    expect([other.status, other.json()]).toEqual([404, { detail: "Item not found, there's only a plumbus here" }]);
  });

  it("never turns an exception swallowed after yield into a success: it is a 500 (FastAPIError)", async () => {
    const seen: string[] = [];
    async function* get_username() {
      try {
        yield "Rick";
      } catch (e) {
        seen.push(`swallowed ${(e as Error).message}`);
      }
    }
    const app = new FastAPI();
    app.get("/items/{item_id}", { params: { item_id: z.string(), username: Depends(get_username) } }, async function get_item({ item_id }) {
      if (item_id === "portal-gun") throw new InternalError("too dangerous");
      throw new HTTPException(404, { detail: "Item not found" });
    });
    await expect(new TestClient(app).get("/items/portal-gun")).rejects.toBeInstanceOf(FastAPIError);
    const r = await new TestClient(app, { raiseServerExceptions: false }).get("/items/other");
    expect([r.status, r.text]).toEqual([500, "Internal Server Error"]);
    expect(seen).toEqual(["swallowed too dangerous", "swallowed Item not found"]);
  });

  it("runs function-scope teardown before the response is sent, and its HTTPException becomes the response", async () => {
    const log: string[] = [];
    async function* in_function() {
      log.push("function: setup");
      yield "f";
      log.push("function: teardown");
    }
    async function* in_request() {
      log.push("request: setup");
      yield "r";
      log.push("request: teardown");
    }
    async function* strict() {
      yield "s";
      throw new HTTPException(409, { detail: "rolled back" });
    }
    const app = new FastAPI();
    app.get("/stream", {
      params: { r: Depends(in_request), f: Depends(in_function, { scope: "function" }) },
    }, async function stream({ r, f }) {
      log.push("handler");
      return new StreamingResponse((async function* () {
        log.push("body: first chunk");
        yield `${r}${f}-`;
        log.push("body: last chunk");
        yield "end";
      })(), { mediaType: "text/plain" });
    });
    app.get("/strict", { params: { s: Depends(strict, { scope: "function" }), r: Depends(in_request) } }, async function strict_op() {
      log.push("handler");
      return { ok: true };
    });
    const client = new TestClient(app);
    const r = await client.get("/stream");
    expect(r.text).toBe("rf-end");
    // (The stream may prefetch its first chunk; what matters: function scope ends before the body is sent,
    // request scope after it.)
    expect(log.filter((l) => l !== "body: first chunk")).toEqual(["request: setup", "function: setup", "handler",
      "function: teardown", "body: last chunk", "request: teardown"]);
    log.length = 0;
    const s = await client.get("/strict");
    expect([s.status, s.json()]).toEqual([409, { detail: "rolled back" }]);
    // The 409 is thrown into the request-scope generator at its yield: code after a bare `yield` does not run.
    expect(log).toEqual(["request: setup", "handler"]);
  });

  it("tears request-scope dependencies down after the background tasks, with app.fetch and the TestClient", async () => {
    const log: string[] = [];
    async function* get_db() {
      log.push("db: open");
      try {
        yield "db";
      } finally {
        log.push("db: close");
      }
    }
    const app = new FastAPI();
    app.post("/send", { params: { db: Depends(get_db), tasks: BackgroundTasks } }, async function send({ db, tasks }) {
      tasks.addTask(async () => { log.push(`task uses ${db}`); });
      return { sent: true };
    });
    expect((await new TestClient(app).post("/send")).json()).toEqual({ sent: true });
    expect(log).toEqual(["db: open", "task uses db", "db: close"]);
    log.length = 0;
    const web = await app.fetch(new globalThis.Request("http://local/send", { method: "POST" }));
    expect(await web.json()).toEqual({ sent: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(["db: open", "task uses db", "db: close"]);
  });

  it("reports an error raised after yield once the response is sent (the TestClient raises it)", async () => {
    async function* flaky() {
      yield 1;
      throw new Error("commit failed after the response");
    }
    const app = new FastAPI();
    app.get("/", { params: { v: Depends(flaky) } }, async function root({ v }) { return { v }; });
    await expect(new TestClient(app).get("/")).rejects.toThrow("commit failed after the response");
    const r = await new TestClient(app, { raiseServerExceptions: false }).get("/");
    expect([r.status, r.json()]).toEqual([200, { v: 1 }]);
  });

  it("refuses a request-scope dependency that depends on a function-scope one", () => {
    async function* inner() { yield 1; }
    const outer = dependency({ params: { x: Depends(inner, { scope: "function" }) } }, async function* outer_dep({ x }) { yield x; });
    const app = new FastAPI();
    expect(() => app.get("/", { params: { v: Depends(outer) } }, async function root({ v }) { return v; }))
      .toThrow(/has a scope of "request", it cannot depend on dependencies with scope "function"/);
  });

  it("caches a generator dependency per request: set up once, torn down once", async () => {
    let setups = 0;
    let teardowns = 0;
    async function* get_db() {
      setups++;
      yield { id: setups };
      teardowns++;
    }
    const repo = dependency({ params: { db: Depends(get_db) } }, function get_repo({ db }) { return db; });
    const app = new FastAPI();
    app.get("/", { params: { db: Depends(get_db), repo: Depends(repo), fresh: Depends(get_db, { useCache: false }) } },
      async function root({ db, repo, fresh }) { return { same: db === repo, fresh: fresh.id }; });
    const r = await new TestClient(app).get("/");
    expect(r.json()).toEqual({ same: true, fresh: 2 });
    expect([setups, teardowns]).toEqual([2, 2]);
  });

  it("validation errors reach the generators already set up, and no handler runs", async () => {
    const log: string[] = [];
    async function* session() {
      try {
        yield "s";
      } catch (e) {
        log.push((e as Error).constructor.name);
        throw e;
      }
    }
    const app = new FastAPI();
    app.get("/", { params: { s: Depends(session), n: Query(z.int()) } }, async function root() { log.push("handler"); return {}; });
    const r = await new TestClient(app).get("/?n=x");
    expect(r.status).toBe(422);
    expect(log).toEqual(["RequestValidationError"]);
  });

  it("runs request-scope teardown after the body on a real server, and even when the client disconnects", async () => {
    const log: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let tornDown!: () => void;
    const teardownDone = new Promise<void>((resolve) => { tornDown = resolve; });
    async function* resource() {
      log.push("open");
      try {
        yield "res";
      } catch {
        log.push("catch (must not run on disconnect)");
      } finally {
        log.push("close");
        tornDown();
      }
    }
    const app = new FastAPI();
    app.get("/plain", { params: { res: Depends(resource) } }, async function plain({ res }) { return { res }; });
    app.get("/endless", { params: { res: Depends(resource) } }, async function endless() {
      return new StreamingResponse((async function* () {
        yield "first\n";
        await released;
        for (;;) {
          yield "more\n";
          await new Promise((r) => setTimeout(r, 5));
        }
      })());
    });
    await withServer(app, async (base) => {
      const r = await fetch(`${base}/plain`);
      expect(r.headers.get("content-length")).toBe(String('{"res":"res"}'.length));
      expect(await r.json()).toEqual({ res: "res" });
      await teardownDone;
      expect(log).toEqual(["open", "close"]);
      log.length = 0;
      const closed = new Promise<void>((resolve) => { tornDown = resolve; });
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${base}/endless`, (res) => {
          res.once("data", () => {
            req.destroy(); // the client goes away mid-stream
            release();
            resolve();
          });
        });
        req.on("error", () => {});
        req.once("error", reject);
        req.end();
      });
      await closed;
      expect(log).toEqual(["open", "close"]);
    });
  });
});
