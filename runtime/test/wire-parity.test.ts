import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Body, FastAPI, Header, TestClient } from "../src/index.ts";

const app = new FastAPI();
const Item = z.object({ name: z.string(), tags: z.set(z.string()).default(new Set()), ids: z.set(z.int()).optional() }).meta({ id: "Item" });
app.put("/items/", { params: { item: Item } }, async function put_item({ item }) {
  return { item, isSet: item.tags instanceof Set };
});
app.post("/weights/", { params: { weights: z.record(z.int(), z.number()) } }, async function weights({ weights }) {
  return weights;
});
const client = new TestClient(app);

describe("sets and dicts in JSON bodies", () => {
  it("reads a JSON array into a set, dropping duplicates and converting elements", async () => {
    const r = await client.put("/items/", { json: { name: "Foo", tags: ["a", "b", "a"], ids: ["1", 2, 2] } });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ item: { name: "Foo", tags: ["a", "b"], ids: [1, 2] }, isSet: true });
    expect((await client.put("/items/", { json: { name: "Foo" } })).json()).toEqual({ item: { name: "Foo", tags: [] }, isSet: true });
  });

  it("documents a set as an array of unique items with an array default", async () => {
    const doc = (await client.get("/openapi.json")).json<{ components: { schemas: { Item: { properties: Record<string, unknown> } } } }>();
    expect(doc.components.schemas.Item.properties.tags).toEqual({ title: "Tags", type: "array", items: { type: "string" }, uniqueItems: true, default: [] });
  });

  it("reports a bad dict key at [key], and documents no propertyNames", async () => {
    expect((await client.post("/weights/", { json: { "2": 2.2 } })).json()).toEqual({ "2": 2.2 });
    expect((await client.post("/weights/", { json: { foo: 2.2 } })).json()).toEqual({
      detail: [{ type: "int_parsing", loc: ["body", "foo", "[key]"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" }],
    });
    const doc = (await client.get("/openapi.json")).json<{ paths: Record<string, { post: { requestBody: unknown } }> }>();
    expect(doc.paths["/weights/"]!.post.requestBody).toEqual({
      content: { "application/json": { schema: { title: "Weights", type: "object", additionalProperties: { type: "number" } } } },
      required: true,
    });
  });
});

describe("openapiExamples of a body parameter", () => {
  it("documents them beside the schema of the whole body", async () => {
    const examplesApp = new FastAPI();
    const Thing = z.object({ name: z.string() }).meta({ id: "Thing" });
    const openapiExamples = { one: { summary: "One", value: { name: "a" } } };
    examplesApp.post("/things/", { params: { thing: Body(Thing, { openapiExamples }) } }, async function make({ thing }) {
      return thing;
    });
    const doc = (await new TestClient(examplesApp).get("/openapi.json")).json<{ paths: Record<string, { post: { requestBody: unknown } }> }>();
    expect(doc.paths["/things/"]!.post.requestBody).toEqual({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" }, examples: openapiExamples } },
      required: true,
    });
  });
});

describe("embedded body members in the docs", () => {
  it("leaves a null default out, as FastAPI does, and documents the time format", async () => {
    const timesApp = new FastAPI();
    timesApp.put("/times/", { params: { at: Body(z.iso.time().nullable().default(null)), n: Body(z.int()) } }, async function times({ at, n }) {
      return { at, n };
    });
    const doc = (await new TestClient(timesApp).get("/openapi.json")).json<{ components: { schemas: Record<string, { properties: Record<string, unknown> }> } }>();
    expect(doc.components.schemas.Body_times_times__put!.properties).toEqual({
      at: { title: "At", anyOf: [{ type: "string", format: "time" }, { type: "null" }] },
      n: { title: "N", type: "integer" },
    });
  });
});

describe("TestClient", () => {
  it("sends user-agent testclient and host testserver unless told otherwise", async () => {
    const echo = new FastAPI();
    echo.get("/ua/", { params: { user_agent: Header(z.string().nullable().default(null)), host: Header(z.string()) } }, async function ua(args) {
      return args;
    });
    const client = new TestClient(echo);
    expect((await client.get("/ua/")).json()).toEqual({ user_agent: "testclient", host: "testserver" });
    expect((await client.get("/ua/", { headers: { "User-Agent": "other" } })).json()).toEqual({ user_agent: "other", host: "testserver" });
  });
});

describe("TestClient default headers", () => {
  it("can stop sending user-agent", async () => {
    const echo = new FastAPI();
    echo.get("/ua/", { params: { user_agent: Header(z.string().nullable().default(null)) } }, async function ua(args) {
      return args;
    });
    const client = new TestClient(echo);
    delete client.headers["user-agent"];
    expect((await client.get("/ua/")).json()).toEqual({ user_agent: null });
    expect((await new TestClient(echo, { headers: { "User-Agent": "mine" } }).get("/ua/")).json()).toEqual({ user_agent: "mine" });
  });
});

describe("header models in the docs", () => {
  it("title each field by its name, and name it by its header", async () => {
    const models = new FastAPI();
    const Common = z.object({ save_data: z.boolean() });
    models.get("/h/", { params: { headers: Header(Common) } }, async function h({ headers }) {
      return headers;
    });
    const doc = (await new TestClient(models).get("/openapi.json")).json<{ paths: Record<string, { get: { parameters: unknown } }> }>();
    expect(doc.paths["/h/"]!.get.parameters).toEqual([{ name: "save-data", in: "header", required: true, schema: { type: "boolean", title: "Save Data" } }]);
  });
});
