import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  FastAPI, HTTPException, JSONResponse, PlainTextResponse, RequestValidationError, TestClient, httpExceptionHandler,
  requestValidationExceptionHandler,
} from "../src/index.ts";
import { withServer } from "./helpers.ts";

class UnicornException extends Error {
  readonly unicornName: string;
  constructor(name: string) {
    super(name);
    this.unicornName = name;
  }
}

function makeApp(): FastAPI {
  const app = new FastAPI();
  const items: Record<string, string> = { foo: "The Foo Wrestlers" };
  app.get("/items/{item_id}", { params: { item_id: z.string() } }, async function read_item({ item_id }) {
    if (!(item_id in items)) throw new HTTPException(404, { detail: "Item not found", headers: { "X-Error": "There goes my error" } });
    return { item: items[item_id] };
  });
  app.get("/unicorns/{name}", { params: { name: z.string() } }, async function read_unicorn({ name }) {
    if (name === "yolo") throw new UnicornException(name);
    return { unicorn_name: name };
  });
  app.get("/detail", async function detail() {
    throw new HTTPException(400, { detail: { code: 7, reasons: ["a", "b"] } });
  });
  app.get("/crash", async function crash() {
    throw new Error("secret stack details");
  });
  app.get("/numbers/{n}", { params: { n: z.int() } }, async function numbers({ n }) {
    return { n };
  });
  return app;
}

describe("errors", () => {
  it("sends HTTPException detail and headers", async () => {
    const client = new TestClient(makeApp());
    const r = await client.get("/items/bar");
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ detail: "Item not found" });
    expect(r.headers.get("x-error")).toBe("There goes my error");
    expect((await client.get("/detail")).json()).toEqual({ detail: { code: 7, reasons: ["a", "b"] } });
  });

  it("uses custom exception handlers", async () => {
    const app = makeApp();
    app.exceptionHandler(UnicornException, (_req, exc) =>
      new JSONResponse({ message: `Oops! ${exc.unicornName} did something. There goes a rainbow...` }, { status: 418 }));
    const r = await new TestClient(app).get("/unicorns/yolo");
    expect(r.status).toBe(418);
    expect(r.json()).toEqual({ message: "Oops! yolo did something. There goes a rainbow..." });
  });

  it("overrides the default handlers", async () => {
    const app = makeApp();
    app.exceptionHandler(HTTPException, (_req, exc) => new PlainTextResponse(String(exc.detail), { status: exc.statusCode }));
    app.exceptionHandler(RequestValidationError, (_req, exc) => new PlainTextResponse(`${exc.errors().length} errors`, { status: 400 }));
    const client = new TestClient(app);
    const nf = await client.get("/items/bar");
    expect([nf.status, nf.text]).toEqual([404, "Item not found"]);
    const bad = await client.get("/numbers/x");
    expect([bad.status, bad.text]).toEqual([400, "1 errors"]);
    const notFound = await client.get("/nowhere");
    expect([notFound.status, notFound.text]).toEqual([404, "Not Found"]);
  });

  it("lets a custom handler reuse the default ones", async () => {
    const app = makeApp();
    const seen: string[] = [];
    app.exceptionHandler(HTTPException, (req, exc) => {
      seen.push(`HTTP ${exc.statusCode} ${req.url.pathname}`);
      return httpExceptionHandler(req, exc);
    });
    app.exceptionHandler(RequestValidationError, (req, exc) => {
      seen.push(`invalid ${exc.errors().length}`);
      return requestValidationExceptionHandler(req, exc);
    });
    const client = new TestClient(app);
    expect((await client.get("/items/bar")).json()).toEqual({ detail: "Item not found" });
    expect((await client.get("/numbers/x")).status).toBe(422);
    expect(seen).toEqual(["HTTP 404 /items/bar", "invalid 1"]);
  });

  it("answers 500 without leaking the error, and raises it into tests by default", async () => {
    await expect(new TestClient(makeApp()).get("/crash")).rejects.toThrow("secret stack details");
    const r = await new TestClient(makeApp(), { raiseServerExceptions: false }).get("/crash");
    expect(r.status).toBe(500);
    expect(r.text).toBe("Internal Server Error");
    const app = makeApp();
    app.exceptionHandler(500, () => new JSONResponse({ detail: "custom 500" }, { status: 500 }));
    const custom = await new TestClient(app, { raiseServerExceptions: false }).get("/crash");
    expect(custom.json()).toEqual({ detail: "custom 500" });
    const original = console.error;
    console.error = () => {};
    try {
      await withServer(makeApp(), async (base) => {
        const res = await fetch(`${base}/crash`);
        expect(res.status).toBe(500);
        const text = await res.text();
        expect(text).toBe("Internal Server Error");
        expect(text).not.toContain("secret");
      });
    } finally {
      console.error = original;
    }
  });
});
