import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Body, Cookie, Depends, FastAPI, FastAPIError, File, Form, HTTPException, Query, TestClient, UploadFile, excludeUnset } from "../src/index.ts";

// Behaviours found by running FastAPI's own tutorial tests against the ports; each expectation is FastAPI's answer.

describe("a missing field of a parameter model", () => {
  const app = new FastAPI();
  const Cookies = z.object({ session_id: z.string(), fatebook_tracker: z.string().nullable().default(null) });
  app.get("/items/", { params: { cookies: Cookie(Cookies) } }, async function read_items({ cookies }) {
    return cookies;
  });
  const Filter = z.object({ q: z.string(), limit: z.int().default(100), tags: z.array(z.string()).default([]) });
  app.get("/search/", { params: { filter: Query(Filter) } }, async function search({ filter }) {
    return filter;
  });
  const Login = z.object({ username: z.string(), password: z.string(), remember: z.boolean().default(false) });
  app.post("/login/", { params: { data: Form(Login) } }, async function login({ data }) {
    return data;
  });
  const client = new TestClient(app);

  it("reports the cookies it was validated against ({} when there are none)", async () => {
    expect((await client.get("/items/")).json()).toEqual({ detail: [{ type: "missing", loc: ["cookie", "session_id"], msg: "Field required", input: {} }] });
    const r = await client.get("/items/", { headers: { cookie: "fatebook_tracker=456; other=1" } });
    expect(r.json()).toEqual({ detail: [{ type: "missing", loc: ["cookie", "session_id"], msg: "Field required", input: { fatebook_tracker: "456", other: "1" } }] });
  });

  it("reports the query mapping with the defaults of the fields not sent", async () => {
    expect((await client.get("/search/?x=1")).json()).toEqual({
      detail: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: { limit: 100, tags: [], x: "1" } }],
    });
  });

  it("reports the form by alias, with defaults, for a form model", async () => {
    expect((await client.post("/login/", { data: { username: "rick" } })).json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "password"], msg: "Field required", input: { username: "rick", remember: false } }],
    });
  });
});

describe("uploaded files in OpenAPI", () => {
  it("are strings with contentMediaType, also in lists and when optional", async () => {
    const app = new FastAPI();
    app.post("/files/", { params: { files: File({ list: true }), extra: File({ optional: true, upload: true }), up: UploadFile } }, async function create_files() {
      return {};
    });
    const doc = (await new TestClient(app).get("/openapi.json")).json<{ components: { schemas: Record<string, { properties: unknown }> } }>();
    const binary = { type: "string", contentMediaType: "application/octet-stream" };
    expect(doc.components.schemas.Body_create_files_files__post!.properties).toEqual({
      files: { type: "array", items: binary, title: "Files" },
      extra: { anyOf: [binary, { type: "null" }], title: "Extra" },
      up: { ...binary, title: "Up" },
    });
  });
});

describe("a dependency with yield that swallows an exception", () => {
  it("fails with FastAPIError in FastAPI's words", async () => {
    async function* swallow() {
      try {
        yield 1;
      } catch {
        // swallowed on purpose
      }
    }
    const app = new FastAPI();
    app.get("/", { params: { dep: Depends(swallow) } }, async function root() {
      throw new HTTPException(418);
    });
    const error = await new TestClient(app).get("/").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FastAPIError);
    expect((error as Error).message).toContain("raising an exception and a dependency with yield");
  });
});

describe("excludeUnset, pydantic's model_dump(exclude_unset=True)", () => {
  const Image = z.object({ url: z.string(), name: z.string().default("image") });
  const Item = z.object({
    name: z.string().nullable().default(null), tax: z.number().default(10.5), images: z.array(Image).default([]), tags: z.array(z.string()).default([]),
  });
  const app = new FastAPI();
  app.patch("/items/", { params: { item: Item } }, async function patch({ item }) {
    return { item, set: excludeUnset(item) };
  });
  app.patch("/embedded/", { params: { item: Body(Item, { embed: true }) } }, async function embedded({ item }) {
    return excludeUnset(item);
  });
  const client = new TestClient(app);

  it("keeps what the client sent (an explicit null too), at every depth, and drops the defaults", async () => {
    const r = await client.patch("/items/", { json: { name: null, images: [{ url: "a" }] } });
    expect(r.json()).toEqual({
      item: { name: null, tax: 10.5, images: [{ url: "a", name: "image" }], tags: [] },
      set: { name: null, images: [{ url: "a" }] },
    });
    expect((await client.patch("/embedded/", { json: { item: { tax: 3 } } })).json()).toEqual({ tax: 3 });
  });

  it("drops a default filled in at depth only, and keeps a body the client sent whole", async () => {
    // Every top-level field sent; the default is in a list's object: found there, not only at the top.
    const deep = await client.patch("/items/", { json: { name: "a", tax: 1, images: [{ url: "u", name: "n" }, { url: "v" }], tags: [] } });
    expect((deep.json() as { set: unknown }).set).toEqual({ name: "a", tax: 1, images: [{ url: "u", name: "n" }, { url: "v" }], tags: [] });
    const whole = { name: "a", tax: 1, images: [{ url: "u", name: "n" }], tags: ["t"] };
    expect((await client.patch("/items/", { json: whole })).json()).toEqual({ item: whole, set: whole });
  });

  it("keeps a value that did not come from a request whole", () => {
    expect(excludeUnset(Item.parse({ tax: 3 }))).toEqual({ name: null, tax: 3, images: [], tags: [] });
  });
});
