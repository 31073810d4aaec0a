import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  FastAPI, FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response, ResponseValidationError,
  StreamingResponse, TestClient, jsonableEncoder, status,
} from "../src/index.ts";
import { EncodedJson } from "../src/responses.ts";
import { withServer } from "./helpers.ts";

const UserIn = z.object({ username: z.string(), password: z.string(), email: z.string(), full_name: z.string().nullable().default(null) });
const UserOut = z.object({ username: z.string(), email: z.string(), full_name: z.string().nullable().default(null) }).meta({ id: "UserOut" });
const Item = z.object({
  name: z.string(), description: z.string().nullable().default(null), price: z.number(), tax: z.number().default(10.5),
  tags: z.array(z.string()).default([]),
}).meta({ id: "Item" });
const items: Record<string, Record<string, unknown>> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
};

const app = new FastAPI();
app.post("/user/", { params: { user: UserIn }, responseModel: UserOut, statusCode: status.HTTP_201_CREATED }, async function create_user({ user }) {
  return user;
});
app.get("/items/{item_id}", { params: { item_id: z.string() }, responseModel: Item, responseModelExcludeUnset: true }, async function read_item({ item_id }) {
  return items[item_id];
});
app.get("/items/{item_id}/name", { params: { item_id: z.string() }, responseModel: Item, responseModelInclude: ["name", "description"] },
  async function read_item_name({ item_id }) {
    return items[item_id];
  });
app.get("/items/{item_id}/public", { params: { item_id: z.string() }, responseModel: Item, responseModelExclude: ["tax"], responseModelExcludeNone: true },
  async function read_item_public_data({ item_id }) {
    return items[item_id];
  });
app.get("/defaults/{item_id}", { params: { item_id: z.string() }, responseModel: Item, responseModelExcludeDefaults: true },
  async function defaults({ item_id }) {
    return items[item_id];
  });
app.get("/broken", { responseModel: Item }, async function broken() {
  return { name: "no price" };
});
app.get("/headers-and-cookies", { params: { response: Response } }, async function set_things({ response }) {
  response.headers.set("X-Cat-Dog", "alone in the world");
  response.setCookie("fakesession", "fake-cookie-session-value");
  response.status = 202;
  return { message: "Hello World" };
});
app.get("/encoded", async function encoded() {
  return { when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), set: new Set([1, 2]), map: new Map([["a", 1]]), big: 10n, skip: undefined, nested: [undefined] };
});
app.get("/html", { responseClass: HTMLResponse }, async function html() {
  return "<h1>Hi</h1>";
});
app.get("/text", async function text() {
  return new PlainTextResponse("Hello World");
});
app.get("/legacy", async function legacy() {
  return new Response('<?xml version="1.0"?><shampoo/>', { mediaType: "application/xml" });
});
app.get("/json", async function json() {
  return new JSONResponse({ id: "foo", value: "there goes my hero" }, { status: 404, headers: { "x-a": "b" } });
});
app.get("/typer", async function redirect_typer() {
  return new RedirectResponse("https://typer.tiangolo.com");
});
app.get("/stream", async function stream() {
  async function* fake() {
    for (let i = 0; i < 3; i++) yield `chunk ${i}\n`;
  }
  return new StreamingResponse(fake(), { mediaType: "text/plain" });
});
app.get("/file", async function file() {
  return new FileResponse(new Blob(["file body"], { type: "text/plain" }), { filename: "hello.txt" });
});
app.delete("/gone", { statusCode: 204 }, async function gone() {
  return null;
});

const client = new TestClient(app);

describe("responses", () => {
  it("filters output through responseModel and sets statusCode", async () => {
    const r = await client.post("/user/", { json: { username: "john", password: "secret", email: "j@example.com" } });
    expect(r.status).toBe(201);
    expect(r.json()).toEqual({ username: "john", email: "j@example.com", full_name: null });
  });

  it("supports exclude unset / defaults / none and include / exclude", async () => {
    expect((await client.get("/items/foo")).json()).toEqual({ name: "Foo", price: 50.2 });
    expect((await client.get("/items/bar")).json()).toEqual({ name: "Bar", description: "The bartenders", price: 62, tax: 20.2 });
    expect((await client.get("/items/baz")).json()).toEqual({ name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] });
    expect((await client.get("/items/bar/name")).json()).toEqual({ name: "Bar", description: "The bartenders" });
    expect((await client.get("/items/baz/public")).json()).toEqual({ name: "Baz", price: 50.2, tags: [] });
    expect((await client.get("/defaults/baz")).json()).toEqual({ name: "Baz", price: 50.2 });
  });

  it("sends a route's already encoded JSON as it is, with the JSON content type", () => {
    const encoded = new JSONResponse(new EncodedJson('{"a":[1,"x"]}'), { status: 201 });
    expect([encoded.status, encoded.body, encoded.headers.get("content-type")]).toEqual([201, '{"a":[1,"x"]}', "application/json"]);
    // Any other content is still encoded: a string is JSON text of that string, null is `null`.
    expect([new JSONResponse('{"a":1}').body, new JSONResponse(null).body]).toEqual(['"{\\"a\\":1}"', "null"]);
  });

  it("encodes without the responseModel… filters when there is no response model, on every response (FastAPI sends jsonable_encoder(content))", async () => {
    const app = new FastAPI();
    app.get("/no-model", { responseModelExclude: ["secret"], responseModelExcludeNone: true }, () => ({ a: 1, secret: "s", none: null, nested: { none: null } }));
    const c = new TestClient(app);
    for (let i = 0; i < 3; i++) expect((await c.get("/no-model")).text).toBe('{"a":1,"secret":"s","none":null,"nested":{"none":null}}');
  });

  it("treats an output that fails its model as a server error", async () => {
    await expect(client.get("/broken")).rejects.toBeInstanceOf(ResponseValidationError);
    const lenient = new TestClient(app, { raiseServerExceptions: false });
    const r = await lenient.get("/broken");
    expect(r.status).toBe(500);
    expect(r.text).toBe("Internal Server Error");
  });

  it("merges headers, cookies and status set on the injected Response", async () => {
    const r = await client.get("/headers-and-cookies");
    expect(r.status).toBe(202);
    expect(r.json()).toEqual({ message: "Hello World" });
    expect(r.headers.get("x-cat-dog")).toBe("alone in the world");
    expect(r.headers.get("set-cookie")).toBe("fakesession=fake-cookie-session-value; Path=/; SameSite=lax");
    expect(r.cookies).toEqual({ fakesession: "fake-cookie-session-value" });
  });

  it("encodes dates, sets, maps and bigints like jsonable_encoder", async () => {
    expect((await client.get("/encoded")).json()).toEqual({ when: "2024-01-02T03:04:05+00:00", set: [1, 2], map: { a: 1 }, big: 10, nested: [null] });
    expect(jsonableEncoder({ a: null, b: 1 }, { excludeNone: true })).toEqual({ b: 1 });
  });

  it("sends response classes as they are", async () => {
    const html = await client.get("/html");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.text).toBe("<h1>Hi</h1>");
    const text = await client.get("/text");
    expect([text.headers.get("content-type"), text.text]).toEqual(["text/plain; charset=utf-8", "Hello World"]);
    const legacy = await client.get("/legacy");
    expect([legacy.headers.get("content-type"), legacy.text]).toEqual(["application/xml", '<?xml version="1.0"?><shampoo/>']);
    const json = await client.get("/json");
    expect([json.status, json.headers.get("x-a"), json.json()]).toEqual([404, "b", { id: "foo", value: "there goes my hero" }]);
    const redirect = await client.get("/typer", { followRedirects: false });
    expect([redirect.status, redirect.headers.get("location")]).toEqual([307, "https://typer.tiangolo.com"]);
    expect((await client.get("/stream")).text).toBe("chunk 0\nchunk 1\nchunk 2\n");
    const file = await client.get("/file");
    expect([file.text, file.headers.get("content-disposition"), file.headers.get("content-type")])
      .toEqual(["file body", 'attachment; filename="hello.txt"', "text/plain; charset=utf-8"]);
    const gone = await client.delete("/gone");
    // As FastAPI 0.142: a 204 path operation sends its response class's content type, and no body.
    expect([gone.status, gone.text, gone.headers.get("content-type")]).toEqual([204, "", "application/json"]);
  });

  it("documents response models and classes in OpenAPI", () => {
    const doc = app.openapi();
    const op = (p: string, m = "get") => doc.paths[p]![m] as { responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }> };
    expect(op("/user/", "post").responses["201"]).toEqual({
      description: "Successful Response", content: { "application/json": { schema: { $ref: "#/components/schemas/UserOut" } } },
    });
    expect(op("/html").responses["200"]!.content).toEqual({ "text/html": { schema: { type: "string" } } });
    expect(op("/gone", "delete").responses["204"]).toEqual({ description: "Successful Response" });
  });

  it("streams and sends files on a real Node server", async () => {
    await withServer(app, async (base) => {
      const s = await fetch(`${base}/stream`);
      expect(await s.text()).toBe("chunk 0\nchunk 1\nchunk 2\n");
      const c = await fetch(`${base}/headers-and-cookies`);
      expect(c.status).toBe(202);
      expect(c.headers.getSetCookie()).toEqual(["fakesession=fake-cookie-session-value; Path=/; SameSite=lax"]);
      const g = await fetch(`${base}/gone`, { method: "DELETE" });
      expect([g.status, g.headers.get("content-type"), g.headers.get("content-length"), await g.text()]).toEqual([204, "application/json", null, ""]);
      const f = await fetch(`${base}/file`);
      expect(await f.text()).toBe("file body");
    });
  });

  it("reads files from disk with FileResponse(path) on Node", async () => {
    const { fileURLToPath } = await import("node:url");
    const path = fileURLToPath(new URL("../package.json", import.meta.url));
    const a = new FastAPI();
    a.get("/pkg", async function pkg() {
      return new FileResponse(path);
    });
    const r = await new TestClient(a).get("/pkg");
    expect(r.headers.get("content-type")).toBe("application/json");
    expect((r.json() as { name: string }).name).toBe("fastapi-ts");
  });
});
