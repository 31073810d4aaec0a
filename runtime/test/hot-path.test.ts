import { get } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Depends, FastAPI, JSONResponse, Path, Query, Response, TestClient, dependency } from "../src/index.ts";
import { withServer } from "./helpers.ts";

// The dispatch skips promises where nothing is asynchronous (issue 8); these pin what must not change with it:
// asynchronous schemas, handlers and dependencies of every kind, in FastAPI's order of errors.

const slowPositive = z.int().refine(async (v) => {
  await new Promise((r) => setTimeout(r, 1));
  return v > 0;
}, "must be positive");

const app = new FastAPI();
app.get("/async-path/{n}", { params: { n: Path(slowPositive), q: Query(z.int().max(10).default(1)) } }, function readN({ n, q }) {
  return { n, q };
});

const base = dependency({ params: { token: Query(z.string()) } }, ({ token }) => token.toUpperCase());
const thenable = dependency({ params: { token: Depends(base) } }, ({ token }) => ({
  then: (resolve: (v: string) => void) => resolve(`${token}!`),
}));
app.get("/sync-chain", { params: { shout: Depends(thenable) } }, ({ shout }) => ({ shout }));

app.get("/plain", async function plain() {
  return { hello: "world" };
});
app.get("/late-header", function lateHeader() {
  const r = new JSONResponse({ late: true });
  r.headers.set("x-late", "1");
  r.setCookie("c", "v");
  return r;
});
app.get("/temporal", { params: { response: Response } }, function temporal({ response }) {
  response.headers.set("x-temporal", "yes");
  return { ok: true };
});

// A graph that waits partway: an async dependency, then synchronous ones after it (one cached from before the wait,
// one whose own query is invalid), an async generator, and the route's own parameters last.
const calls: string[] = [];
const first = dependency({ params: { token: Query(z.string()) } }, async function first({ token }) {
  calls.push("first");
  await new Promise((r) => setTimeout(r, 1));
  return token;
});
function shared() {
  calls.push("shared");
  return "s";
}
const afterWait = dependency({ params: { s: Depends(shared), t: Depends(first), n: Query(z.int()) } }, function afterWait({ s, t, n }) {
  calls.push("afterWait");
  return `${s}${t}${n}`;
});
async function* opened() {
  calls.push("opened");
  yield "open";
  calls.push("closed");
}
app.get("/waits", {
  params: { early: Depends(shared), t: Depends(first), late: Depends(afterWait), gen: Depends(opened), limit: Query(z.int().max(5)) },
}, ({ early, t, late, gen, limit }) => ({ early, t, late, gen, limit }));

const client = new TestClient(app);

describe("the dispatch without needless promises", () => {
  it("waits for an asynchronous path schema, then validates the query after it, in FastAPI's error order", async () => {
    expect((await client.get("/async-path/3?q=4")).json()).toEqual({ n: 3, q: 4 });
    const r = await client.get("/async-path/-1?q=99");
    expect(r.status).toBe(422);
    expect(r.json<{ detail: { loc: unknown[] }[] }>().detail.map((e) => e.loc)).toEqual([["path", "n"], ["query", "q"]]);
  });

  it("runs synchronous handlers and dependencies, and awaits a thenable a dependency returns", async () => {
    expect((await client.get("/sync-chain?token=abc")).json()).toEqual({ shout: "ABC!" });
    const missing = await client.get("/sync-chain");
    expect(missing.status).toBe(422);
    expect(missing.json<{ detail: { loc: unknown[] }[] }>().detail[0]!.loc).toEqual(["query", "token"]);
  });
});

describe("a dependency graph that waits partway", () => {
  it("calls each dependency once, in declaration order, with the cache shared across the wait", async () => {
    calls.length = 0;
    expect((await client.get("/waits?token=x&n=2&limit=3")).json()).toEqual({ early: "s", t: "x", late: "sx2", gen: "open", limit: 3 });
    expect(calls).toEqual(["shared", "first", "afterWait", "opened", "closed"]);
  });

  it("gathers the errors of every node after the wait, in FastAPI's order, and calls no dependency with invalid inputs", async () => {
    calls.length = 0;
    const r = await client.get("/waits?token=x&n=no&limit=9");
    expect(r.status).toBe(422);
    expect(r.json<{ detail: { loc: unknown[] }[] }>().detail.map((e) => e.loc)).toEqual([["query", "n"], ["query", "limit"]]);
    // The teardown is thrown the validation error at its yield (FastAPI's exit stack does the same): the code after it does not run.
    expect(calls).toEqual(["shared", "first", "opened"]);
  });
});

/** The raw header names and values a real Node server sends, without those Node adds itself. */
function rawHead(url: string): Promise<{ status: number; headers: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        const own = res.rawHeaders.filter((_, i, all) => i % 2 === 0 ? !/^(date|connection|keep-alive)$/i.test(all[i]!) : !/^(date|connection|keep-alive)$/i.test(all[i - 1]!));
        resolve({ status: res.statusCode ?? 0, headers: own, body });
      });
    }).on("error", reject);
  });
}

describe("responses whose headers are built on first use, on a real server", () => {
  it("sends a plain JSON answer with exactly its content type and length", async () => {
    await withServer(app, async (url) => {
      expect(await rawHead(`${url}/plain`)).toEqual({
        status: 200, headers: ["content-type", "application/json", "content-length", "17"], body: '{"hello":"world"}',
      });
    });
  });

  it("sends headers and cookies set after the response was created, and those of the temporal response", async () => {
    await withServer(app, async (url) => {
      const late = await rawHead(`${url}/late-header`);
      expect(late.headers).toEqual(["content-type", "application/json", "x-late", "1", "set-cookie", "c=v; Path=/; SameSite=lax", "content-length", "13"]);
      const temporal = await rawHead(`${url}/temporal`);
      expect(temporal.headers).toEqual(["content-type", "application/json", "x-temporal", "yes", "content-length", "11"]);
      expect(temporal.body).toBe('{"ok":true}');
    });
  });
});
