import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { BackgroundTasks, Depends, dependency, FastAPI, JSONResponse, Query, Request, TestClient } from "../src/index.ts";
import { withServer } from "./helpers.ts";

describe("BackgroundTasks", () => {
  function app(log: string[]): FastAPI {
    const a = new FastAPI();
    const writeLog = (message: string) => { log.push(message); };
    const getQuery = dependency({ params: { background_tasks: BackgroundTasks, q: Query(z.string().optional()) } },
      function get_query({ background_tasks, q }) {
        if (q) background_tasks.addTask(writeLog, `found query: ${q}\n`);
        return q;
      });
    a.post("/send-notification/{email}", { params: { email: z.string(), background_tasks: BackgroundTasks, q: Depends(getQuery) } },
      async function send_notification({ email, background_tasks }) {
        log.push("handler");
        background_tasks.addTask(async (m: string) => { await new Promise((r) => setTimeout(r, 5)); writeLog(m); }, `message to ${email}\n`);
        return { message: "Message sent" };
      });
    a.get("/fails", { params: { tasks: BackgroundTasks } }, async function fails({ tasks }) {
      tasks.addTask(() => { throw new Error("task failed"); });
      tasks.addTask(() => { log.push("after failure"); });
      return { ok: true };
    });
    a.get("/explicit", async function explicit() {
      const tasks = new BackgroundTasks();
      tasks.addTask(() => { log.push("explicit"); });
      return new JSONResponse({ ok: 1 }, { background: tasks });
    });
    return a;
  }

  it("runs tasks of the handler and its dependencies in order, after the response, in the TestClient", async () => {
    const log: string[] = [];
    const client = new TestClient(app(log));
    const r = await client.post("/send-notification/foo@example.com", { params: { q: "some-query" } });
    expect(r.json()).toEqual({ message: "Message sent" });
    expect(log).toEqual(["handler", "found query: some-query\n", "message to foo@example.com\n"]);
    log.length = 0;
    await client.get("/explicit");
    expect(log).toEqual(["explicit"]);
  });

  it("on a real server: the response is sent first; a failing task is logged, later tasks and requests still run", async () => {
    const log: string[] = [];
    const a = app(log);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await withServer(a, async (base) => {
        // The response arrives while its task still waits for the gate: a server that ran tasks before sending would
        // never answer. (Checking the log the moment the response arrives raced the task on a loaded machine.)
        let open!: () => void;
        const gate = new Promise<void>((resolve) => (open = resolve));
        a.get("/gated", { params: { tasks: BackgroundTasks } }, async function gated({ tasks }) {
          tasks.addTask(async () => {
            await gate;
            log.push("gated task");
          });
          return { ok: true };
        });
        const g = await fetch(`${base}/gated`);
        expect(await g.json()).toEqual({ ok: true });
        expect(log).toEqual([]);
        open();
        await vi.waitFor(() => expect(log).toEqual(["gated task"]));
        log.length = 0;
        const r = await fetch(`${base}/send-notification/x@y.z`, { method: "POST" });
        expect(await r.json()).toEqual({ message: "Message sent" });
        await vi.waitFor(() => expect(log).toEqual(["handler", "message to x@y.z\n"]));
        const f = await fetch(`${base}/fails`);
        expect([f.status, await f.json()]).toEqual([200, { ok: true }]);
        await vi.waitFor(() => expect(log).toContain("after failure"));
        expect(String(errors.mock.calls[0]?.[1])).toContain("task failed");
        expect((await fetch(`${base}/explicit`)).status).toBe(200);
      });
    } finally {
      errors.mockRestore();
    }
  });

  it("app.fetch runs the tasks after the body", async () => {
    const log: string[] = [];
    const res = await app(log).fetch(new globalThis.Request("http://t/send-notification/a@b.c", { method: "POST" }));
    expect(log).toEqual(["handler"]);
    await res.json();
    await vi.waitFor(() => expect(log).toEqual(["handler", "message to a@b.c\n"]));
  });
});

describe("lifespan", () => {
  function app(log: string[]): FastAPI {
    const mlModels: Record<string, (x: number) => number> = {};
    const a = new FastAPI({
      lifespan: async function* () {
        mlModels.answer_to_everything = (x) => x * 42;
        log.push("startup");
        yield { db: "connected" };
        delete mlModels.answer_to_everything;
        log.push("shutdown");
      },
    });
    a.get("/predict", { params: { x: z.number(), request: Request } }, async function predict({ x, request }) {
      return { result: mlModels.answer_to_everything?.(x) ?? null, db: request.state.db ?? null };
    });
    return a;
  }

  it("runs with `await using` (TestClient.with), and state reaches requests", async () => {
    const log: string[] = [];
    const a = app(log);
    {
      await using client = await TestClient.with(a);
      expect(log).toEqual(["startup"]);
      expect((await client.get("/predict", { params: { x: 2 } })).json()).toEqual({ result: 84, db: "connected" });
    }
    expect(log).toEqual(["startup", "shutdown"]);
    // Without starting the lifespan, nothing was set up.
    expect((await new TestClient(a).get("/predict", { params: { x: 2 } })).json()).toEqual({ result: null, db: null });
  });

  it("supports startup/shutdown handlers (onEvent) and explicit start/stop", async () => {
    const log: string[] = [];
    const a = new FastAPI({ onStartup: [() => { log.push("s1"); }] });
    a.onEvent("startup", async () => { log.push("s2"); });
    a.onEvent("shutdown", () => { log.push("down"); });
    const client = new TestClient(a);
    await client.start();
    await client.stop();
    expect(log).toEqual(["s1", "s2", "down"]);
  });

  it("is run by the Node server around serving", async () => {
    const log: string[] = [];
    const a = app(log);
    await withServer(a, async (base) => {
      expect(log).toEqual(["startup"]);
      expect(await (await fetch(`${base}/predict?x=1`)).json()).toEqual({ result: 42, db: "connected" });
    });
    expect(log).toEqual(["startup", "shutdown"]);
  });
});
