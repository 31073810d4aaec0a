import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Body, Cookie, FastAPI, Header, Path, Query, TestClient } from "../src/index.ts";
import { request as httpRequest } from "node:http";
import { withServer } from "./helpers.ts";

const app = new FastAPI();
app.get("/items/{item_id}", { params: { item_id: z.int() } }, async function read_item({ item_id }) {
  return { item_id };
});
app.get("/search/", {
  params: {
    q: Query(z.string().min(3).max(50).regex(/^fixedquery$/).nullable().default(null)),
    skip: z.int().default(0),
    limit: z.int().default(10),
    short: z.boolean().default(false),
    price: z.number().optional(),
  },
}, async function search(args) {
  return args;
});
app.get("/needy/{item_id}", { params: { item_id: z.string(), needy: z.string() } }, async function read_user_item({ item_id, needy }) {
  return { item_id, needy };
});
app.get("/aliased/", { params: { q: Query(z.string().optional(), { alias: "item-query" }) } }, async function aliased({ q }) {
  return { q: q ?? null };
});
app.get("/list/", { params: { q: Query(z.array(z.string()).default(["foo", "bar"])) } }, async function list({ q }) {
  return { q };
});
app.get("/ints/", { params: { n: z.array(z.int()) } }, async function ints({ n }) {
  return { n };
});
app.get("/models/{model_name}", { params: { model_name: z.enum(["alexnet", "resnet", "lenet"]) } }, async function get_model({ model_name }) {
  return { model_name };
});
app.get("/bounded/{item_id}", { params: { item_id: Path(z.int().gte(1).lte(1000)), size: Query(z.number().gt(0).lt(10.5)) } },
  async function bounded({ item_id, size }) {
    return { item_id, size };
  });
app.get("/headers/", {
  params: {
    user_agent: Header(z.string().nullable().default(null)),
    strange_header: Header(z.string().nullable().default(null), { convertUnderscores: false }),
    x_token: Header(z.array(z.string()).nullable().default(null)),
  },
}, async function read_headers(args) {
  return args;
});
app.get("/cookies/", { params: { ads_id: Cookie(z.string().nullable().default(null)) } }, async function read_cookies({ ads_id }) {
  return { ads_id };
});
const FilterParams = z.strictObject({
  limit: z.int().gt(0).lte(100).default(100),
  offset: z.int().gte(0).default(0),
  order_by: z.enum(["created_at", "updated_at"]).default("created_at"),
  tags: z.array(z.string()).default([]),
});
app.get("/filtered/", { params: { filter_query: Query(FilterParams) } }, async function filtered({ filter_query }) {
  return filter_query;
});
const CommonHeaders = z.object({ host: z.string(), save_data: z.boolean(), x_tag: z.array(z.string()).default([]) });
app.get("/hmodel/", { params: { headers: Header(CommonHeaders) } }, async function hmodel({ headers }) {
  return headers;
});
app.get("/uuid/{id}", { params: { id: z.uuid(), when: z.iso.datetime().optional(), day: z.iso.date().optional() } }, async function uuid(a) {
  return a;
});
app.get("/lit/", { params: { order: z.literal(["asc", "desc"]).default("asc"), flag: z.literal(1).optional() } }, async function lit(a) {
  return a;
});

const Item = z.object({ name: z.string(), description: z.string().nullable().default(null), price: z.number(), tax: z.number().nullable().default(null) })
  .meta({ id: "Item" });
const User = z.object({ username: z.string(), full_name: z.string().nullable().default(null) }).meta({ id: "User" });
app.post("/items/", { params: { item: Item } }, async function create_item({ item }) {
  return item;
});
app.put("/items/{item_id}", { params: { item_id: z.int(), item: Item, user: User, importance: Body(z.int().gt(0)) } },
  async function update_item(a) {
    return a;
  });
app.put("/embed/{item_id}", { params: { item_id: z.int(), item: Body(Item, { embed: true }) } }, async function embed(a) {
  return a;
});

const client = new TestClient(app);
const detail = async (path: string, init?: Parameters<TestClient["get"]>[1]) => {
  const r = await client.get(path, init);
  expect(r.status).toBe(422);
  return (r.json() as { detail: unknown[] }).detail;
};

describe("path and query parameters", () => {
  it("coerces path parameters and reports int_parsing", async () => {
    expect((await client.get("/items/3")).json()).toEqual({ item_id: 3 });
    expect(await detail("/items/foo")).toEqual([
      { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" },
    ]);
    expect(await detail("/items/4.2")).toEqual([
      { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "4.2" },
    ]);
  });

  it("applies defaults, coerces numbers and pydantic's boolean words", async () => {
    expect((await client.get("/search/")).json()).toEqual({ q: null, skip: 0, limit: 10, short: false });
    for (const word of ["1", "True", "true", "on", "yes", "t", "Y"]) {
      expect(((await client.get("/search/", { params: { short: word } })).json() as { short: boolean }).short).toBe(true);
    }
    for (const word of ["0", "False", "off", "no", "f", "N"]) {
      expect(((await client.get("/search/", { params: { short: word } })).json() as { short: boolean }).short).toBe(false);
    }
    expect((await client.get("/search/?skip=20&limit=5&price=1.5")).json()).toEqual({ q: null, skip: 20, limit: 5, short: false, price: 1.5 });
    expect(await detail("/search/?short=maybe&price=twenty&skip=1.5")).toEqual([
      { type: "int_parsing", loc: ["query", "skip"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "1.5" },
      { type: "bool_parsing", loc: ["query", "short"], msg: "Input should be a valid boolean, unable to interpret input", input: "maybe" },
      { type: "float_parsing", loc: ["query", "price"], msg: "Input should be a valid number, unable to parse string as a number", input: "twenty" },
    ]);
  });

  it("reports string constraints with ctx", async () => {
    expect(await detail("/search/?q=fo")).toEqual([
      { type: "string_too_short", loc: ["query", "q"], msg: "String should have at least 3 characters", input: "fo", ctx: { min_length: 3 } },
    ]);
    expect(await detail("/search/?q=nonregexquery")).toEqual([
      { type: "string_pattern_mismatch", loc: ["query", "q"], msg: "String should match pattern '^fixedquery$'", input: "nonregexquery", ctx: { pattern: "^fixedquery$" } },
    ]);
    expect((await client.get("/search/?q=fixedquery")).json()).toMatchObject({ q: "fixedquery" });
  });

  it("reports a missing required query parameter with input null", async () => {
    expect((await client.get("/needy/foo?needy=sooooneedy")).json()).toEqual({ item_id: "foo", needy: "sooooneedy" });
    expect(await detail("/needy/foo")).toEqual([{ type: "missing", loc: ["query", "needy"], msg: "Field required", input: null }]);
  });

  it("reads aliases and repeated keys", async () => {
    expect((await client.get("/aliased/?item-query=x")).json()).toEqual({ q: "x" });
    expect((await client.get("/aliased/?q=x")).json()).toEqual({ q: null });
    expect((await client.get("/list/")).json()).toEqual({ q: ["foo", "bar"] });
    expect((await client.get("/list/?q=a&q=b")).json()).toEqual({ q: ["a", "b"] });
    expect((await client.get("/ints/?n=1&n=2")).json()).toEqual({ n: [1, 2] });
    expect(await detail("/ints/?n=1&n=x")).toEqual([
      { type: "int_parsing", loc: ["query", "n", 1], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" },
    ]);
    expect(await detail("/ints/")).toEqual([{ type: "missing", loc: ["query", "n"], msg: "Field required", input: null }]);
  });

  it("validates enums, literals and numeric bounds", async () => {
    expect((await client.get("/models/alexnet")).json()).toEqual({ model_name: "alexnet" });
    expect(await detail("/models/foo")).toEqual([
      { type: "enum", loc: ["path", "model_name"], msg: "Input should be 'alexnet', 'resnet' or 'lenet'", input: "foo", ctx: { expected: "'alexnet', 'resnet' or 'lenet'" } },
    ]);
    expect(await detail("/lit/?order=up&flag=2")).toEqual([
      { type: "literal_error", loc: ["query", "order"], msg: "Input should be 'asc' or 'desc'", input: "up", ctx: { expected: "'asc' or 'desc'" } },
      { type: "literal_error", loc: ["query", "flag"], msg: "Input should be 1", input: "2", ctx: { expected: "1" } },
    ]);
    // FastAPI: the string "1" is not `Literal[1]` (pydantic compares a string with the values as they are).
    expect(await detail("/lit/?flag=1")).toEqual([
      { type: "literal_error", loc: ["query", "flag"], msg: "Input should be 1", input: "1", ctx: { expected: "1" } },
    ]);
    expect(await detail("/bounded/0?size=10.5")).toEqual([
      { type: "greater_than_equal", loc: ["path", "item_id"], msg: "Input should be greater than or equal to 1", input: "0", ctx: { ge: 1 } },
      { type: "less_than", loc: ["query", "size"], msg: "Input should be less than 10.5", input: "10.5", ctx: { lt: 10.5 } },
    ]);
    expect(await detail("/bounded/1001?size=0")).toEqual([
      { type: "less_than_equal", loc: ["path", "item_id"], msg: "Input should be less than or equal to 1000", input: "1001", ctx: { le: 1000 } },
      { type: "greater_than", loc: ["query", "size"], msg: "Input should be greater than 0", input: "0", ctx: { gt: 0 } },
    ]);
  });

  it("validates uuids, datetimes and dates with pydantic's messages", async () => {
    const id = "a7b0f4b2-5f1e-4c1d-8c3a-1f2e3d4c5b6a";
    expect((await client.get(`/uuid/${id}`)).json()).toEqual({ id });
    expect(await detail("/uuid/nope?when=2024&day=2024-13-01")).toEqual([
      { type: "uuid_parsing", loc: ["path", "id"], msg: "Input should be a valid UUID, invalid character: found `n` at 1", input: "nope", ctx: { error: "invalid character: found `n` at 1" } },
      { type: "datetime_from_date_parsing", loc: ["query", "when"], msg: "Input should be a valid datetime or date, input is too short", input: "2024", ctx: { error: "input is too short" } },
      // pydantic (lax) tries a date, then a datetime with a zero time: the datetime reader's error is reported.
      { type: "date_from_datetime_parsing", loc: ["query", "day"], msg: "Input should be a valid date or datetime, month value is outside expected range of 1-12", input: "2024-13-01", ctx: { error: "month value is outside expected range of 1-12" } },
    ]);
  });
});

describe("headers and cookies", () => {
  it("converts underscores, reads case-insensitively, splits repeated headers", async () => {
    const r = await client.get("/headers/", { headers: { "User-Agent": "tester", strange_header: "s", "x-token": "foo, bar" } });
    expect(r.json()).toEqual({ user_agent: "tester", strange_header: "s", x_token: ["foo", "bar"] });
  });

  it("reads cookies", async () => {
    expect((await client.get("/cookies/", { cookies: { ads_id: "ads_track" } })).json()).toEqual({ ads_id: "ads_track" });
    expect((await client.get("/cookies/")).json()).toEqual({ ads_id: null });
  });
});

describe("parameter models", () => {
  it("reads a query model and forbids extra keys when strict", async () => {
    expect((await client.get("/filtered/?limit=10&tags=a&tags=b")).json()).toEqual({ limit: 10, offset: 0, order_by: "created_at", tags: ["a", "b"] });
    expect(await detail("/filtered/?limit=150&offset=1&tool=plumbus")).toEqual([
      { type: "less_than_equal", loc: ["query", "limit"], msg: "Input should be less than or equal to 100", input: "150", ctx: { le: 100 } },
      { type: "extra_forbidden", loc: ["query", "tool"], msg: "Extra inputs are not permitted", input: "plumbus" },
    ]);
  });

  it("reads a header model with converted names", async () => {
    const r = await client.get("/hmodel/", { headers: { "save-data": "true", "x-tag": "one, two" } });
    expect(r.json()).toEqual({ host: "testserver", save_data: true, x_tag: ["one", "two"] });
    // FastAPI validates the model against every received header (its fields by name, defaults included): that
    // mapping is the `input` of a missing field.
    expect(await detail("/hmodel/")).toEqual([{ type: "missing", loc: ["header", "save_data"], msg: "Field required", input: { host: "testserver", x_tag: [], "user-agent": "testclient" } }]);
  });

  it("hands a model an undeclared query name received more than once as the list of its values", async () => {
    // FastAPI's request_params_to_args: Starlette's getlist for the names the model does not declare, a single
    // value unwrapped. A strict model reports the list as the extra's input.
    expect(await detail("/filtered/?tool=a&tool=b&other=1")).toEqual([
      { type: "extra_forbidden", loc: ["query", "tool"], msg: "Extra inputs are not permitted", input: ["a", "b"] },
      { type: "extra_forbidden", loc: ["query", "other"], msg: "Extra inputs are not permitted", input: "1" },
    ]);
  });
});

describe("request bodies", () => {
  it("validates a single model body", async () => {
    expect((await client.post("/items/", { json: { name: "Foo", price: 50.5 } })).json())
      .toEqual({ name: "Foo", description: null, price: 50.5, tax: null });
    const missing = await client.post("/items/", { json: { name: "Foo" } });
    expect(missing.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "price"], msg: "Field required", input: { name: "Foo" } }] });
    const nothing = await client.post("/items/");
    expect(nothing.json()).toEqual({ detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
    const both = await client.post("/items/", { json: {} });
    expect(both.json()).toEqual({ detail: [
      { type: "missing", loc: ["body", "name"], msg: "Field required", input: {} },
      { type: "missing", loc: ["body", "price"], msg: "Field required", input: {} },
    ] });
    expect((await client.post("/items/", { json: { name: "Foo", price: "50.5", tax: "1" } })).json())
      .toEqual({ name: "Foo", description: null, price: 50.5, tax: 1 });
    const twenty = await client.post("/items/", { json: { name: "Foo", price: "twenty" } });
    expect(twenty.json()).toEqual({ detail: [
      { type: "float_parsing", loc: ["body", "price"], msg: "Input should be a valid number, unable to parse string as a number", input: "twenty" },
    ] });
  });

  it("rejects non-JSON content types and bodies without a content type", async () => {
    const form = await client.post("/items/", { data: { name: "Foo", price: 50.5 } });
    expect(form.status).toBe(422);
    expect(form.json()).toEqual({ detail: [
      { type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: "name=Foo&price=50.5" },
    ] });
    const bare = await client.post("/items/", { content: '{"name":"Foo","price":1}' });
    expect(bare.status).toBe(422);
    const plusJson = await client.post("/items/", { content: '{"name":"Foo","price":1}', headers: { "content-type": "application/vnd.api+json" } });
    expect(plusJson.status).toBe(200);
  });

  it("reports malformed JSON as json_invalid", async () => {
    const r = await client.post("/items/", { content: '{"name": "Foo", }', headers: { "content-type": "application/json" } });
    expect(r.status).toBe(422);
    expect(r.json()).toEqual({ detail: [
      { type: "json_invalid", loc: ["body", 16], msg: "JSON decode error", input: {}, ctx: { error: "Expecting property name enclosed in double quotes" } },
    ] });
  });

  it("embeds several body parameters by name", async () => {
    const ok = await client.put("/items/5", { json: { item: { name: "Foo", price: 1 }, user: { username: "dave" }, importance: 5 } });
    expect(ok.json()).toEqual({ item_id: 5, item: { name: "Foo", description: null, price: 1, tax: null }, user: { username: "dave", full_name: null }, importance: 5 });
    const bad = await client.put("/items/x", { json: { item: { name: "Foo" }, importance: 0 } });
    expect(bad.json()).toEqual({ detail: [
      { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" },
      { type: "missing", loc: ["body", "item", "price"], msg: "Field required", input: { name: "Foo" } },
      { type: "missing", loc: ["body", "user"], msg: "Field required", input: null },
      { type: "greater_than", loc: ["body", "importance"], msg: "Input should be greater than 0", input: 0, ctx: { gt: 0 } },
    ] });
    // A JSON string converted in lax mode is reported as sent, like path and query strings.
    const laxBad = await client.put("/items/5", { json: { item: { name: "Foo", price: "1" }, user: { username: "dave" }, importance: "0" } });
    expect(laxBad.json()).toEqual({ detail: [
      { type: "greater_than", loc: ["body", "importance"], msg: "Input should be greater than 0", input: "0", ctx: { gt: 0 } },
    ] });
    const embedded = await client.put("/embed/1", { json: { item: { name: "Foo", price: 2 } } });
    expect(embedded.json()).toEqual({ item_id: 1, item: { name: "Foo", description: null, price: 2, tax: null } });
    expect((await client.put("/embed/1", { json: { name: "Foo", price: 2 } })).status).toBe(422);
  });

  it("answers 413 for a body over the limit", async () => {
    const small = new FastAPI({ maxBodySize: 10 });
    small.post("/", { params: { item: Item } }, async function create({ item }) { return item; });
    const r = await new TestClient(small).post("/", { json: { name: "Foo", price: 50.5 } });
    expect(r.status).toBe(413);
    expect(r.json()).toEqual({ detail: "Content Too Large" });
    await withServer(small, async (base) => {
      const res = await fetch(`${base}/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Foo", price: 50.5 }) });
      expect(res.status).toBe(413);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("{   }"));
          c.close();
        },
      });
      const chunked = await fetch(`${base}/`, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
      expect(chunked.status).toBe(413);
    });
  });
});

describe("on a real Node server", () => {
  it("sends the same 422 bodies", async () => {
    await withServer(app, async (base) => {
      const r = await fetch(`${base}/items/foo`);
      expect(r.status).toBe(422);
      expect(await r.json()).toEqual({ detail: [
        { type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" },
      ] });
      const body = await fetch(`${base}/items/`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"Foo"}' });
      expect(await body.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "price"], msg: "Field required", input: { name: "Foo" } }] });
      const h = await fetch(`${base}/headers/`, { headers: { "user-agent": "node-test", "x-token": "a" } });
      expect(await h.json()).toEqual({ user_agent: "node-test", strange_header: null, x_token: ["a"] });
      const c = await fetch(`${base}/cookies/`, { headers: { cookie: "ads_id=xyz; other=1" } });
      expect(await c.json()).toEqual({ ads_id: "xyz" });
    });
  });

  it("hands a header model an undeclared header sent on several lines as the list of its lines", async () => {
    // Starlette's headers.getlist: one item per line, so a repeated x-note is a list, while one line holding a
    // comma (accept-encoding) stays one string. Only the Node adapter's raw lines can tell the two apart.
    const get = (base: string): Promise<{ status: number; body: unknown }> => new Promise((resolve, reject) => {
      const req = httpRequest(`${base}/hmodel/`, { headers: { "x-note": ["one", "two"], "accept-encoding": "gzip, deflate" } }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (c: string) => (text += c)).on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      req.on("error", reject).end();
    });
    await withServer(app, async (base) => {
      const r = await get(base);
      expect(r.status).toBe(422);
      expect(r.body).toEqual({ detail: [{ type: "missing", loc: ["header", "save_data"], msg: "Field required", input: {
        host: new URL(base).host, x_tag: [], "x-note": ["one", "two"], "accept-encoding": "gzip, deflate", connection: "keep-alive",
      } }] });
    });
  });
});
