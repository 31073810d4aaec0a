/**
 * Wire answers of FastAPI 0.142 (pydantic 2.13, Starlette) checked on the real FastAPI: a JSON `null` for a body
 * parameter, headers sent on several lines or holding commas, and form and file fields.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Body, FastAPI, TestClient } from "../src/index.ts";

const Item = z.object({ name: z.string(), price: z.number().nullable().default(null) }).meta({ id: "Item" });

const app = new FastAPI();
app.post("/b/item", { params: { item: Item } }, ({ item }) => item);
app.post("/b/itemopt", { params: { item: Item.nullable().default(null) } }, ({ item }) => ({ item }));
app.post("/b/itemdef", { params: { item: Item.default({ name: "dflt", price: null }) } }, ({ item }) => ({ item }));
app.post("/b/embed", { params: { item: Body(Item, { embed: true }) } }, ({ item }) => item);
app.post("/b/embedopt", { params: { item: Body(Item.nullable().default(null), { embed: true }) } }, ({ item }) => ({ item }));
app.post("/b/multi", { params: { item: Item, v: Body(z.int()) } }, ({ item, v }) => ({ item, v }));
app.post("/b/list", { params: { items: Body(z.array(Item)) } }, ({ items }) => items);
app.post("/b/scalar", { params: { v: Body(z.int()) } }, ({ v }) => ({ v }));
app.post("/b/scalaropt", { params: { v: Body(z.int().nullable().default(null)) } }, ({ v }) => ({ v }));
app.post("/b/scalarreqnull", { params: { v: Body(z.int().nullable()) } }, ({ v }) => ({ v }));
app.post("/b/nulldef", { params: { a: Body(z.int().default(5)), b: Body(z.string().nullable().default("d")) } }, ({ a, b }) => ({ a, b }));
app.post("/b/multireqnull", { params: { a: Body(z.int().nullable()), b: Body(z.int()) } }, ({ a, b }) => ({ a, b }));

const client = new TestClient(app);
const missing = (...loc: (string | number)[]) => ({ type: "missing", loc: ["body", ...loc], msg: "Field required", input: null });
const post = async (path: string, body: string) => {
  const r = await client.post(path, { content: body, headers: { "content-type": "application/json" } });
  return [r.status, r.json()];
};

describe("a JSON null for a body parameter is a missing value (FastAPI's _validate_value_with_model_field)", () => {
  it("a whole body sent as null: missing when required, the default otherwise", async () => {
    for (const path of ["/b/item", "/b/list", "/b/scalar", "/b/scalarreqnull"]) {
      expect([path, ...(await post(path, "null"))]).toEqual([path, 422, { detail: [missing()] }]);
    }
    expect(await post("/b/itemopt", "null")).toEqual([200, { item: null }]);
    expect(await post("/b/itemdef", "null")).toEqual([200, { item: { name: "dflt", price: null } }]);
    expect(await post("/b/scalaropt", "null")).toEqual([200, { v: null }]);
    expect(await post("/b/embed", "null")).toEqual([422, { detail: [missing("item")] }]);
    expect(await post("/b/multi", "null")).toEqual([422, { detail: [missing("item"), missing("v")] }]);
    expect(await post("/b/nulldef", "null")).toEqual([200, { a: 5, b: "d" }]);
  });

  it("an embedded or multiple-body field sent as null: missing when required, the default otherwise", async () => {
    expect(await post("/b/embed", '{"item":null}')).toEqual([422, { detail: [missing("item")] }]);
    expect(await post("/b/embedopt", '{"item":null}')).toEqual([200, { item: null }]);
    expect(await post("/b/multi", '{"item":null,"v":null}')).toEqual([422, { detail: [missing("item"), missing("v")] }]);
    expect(await post("/b/nulldef", '{"a":null,"b":null}')).toEqual([200, { a: 5, b: "d" }]);
    expect(await post("/b/multireqnull", '{"a":null,"b":1}')).toEqual([422, { detail: [missing("a")] }]);
  });

  it("a null inside a model is validated as pydantic does", async () => {
    expect(await post("/b/item", '{"name":null}')).toEqual([422, { detail: [{ type: "string_type", loc: ["body", "name"], msg: "Input should be a valid string", input: null }] }]);
    expect(await post("/b/embed", '{"item":{"name":null}}')).toEqual([422, { detail: [{ type: "string_type", loc: ["body", "item", "name"], msg: "Input should be a valid string", input: null }] }]);
    expect(await post("/b/list", "[null]")).toEqual([422, { detail: [{ type: "model_attributes_type", loc: ["body", 0], msg: "Input should be a valid dictionary or object to extract fields from", input: null }] }]);
    expect(await post("/b/item", '{"name":"n","price":null}')).toEqual([200, { name: "n", price: null }]);
  });
});
