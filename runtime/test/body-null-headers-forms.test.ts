/**
 * Wire answers of FastAPI 0.142 (pydantic 2.13, Starlette) checked on the real FastAPI: a JSON `null` for a body
 * parameter, headers sent on several lines or holding commas, and form and file fields.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { request as httpRequest } from "node:http";
import { Body, FastAPI, File, Form, Header, TestClient, UploadFile } from "../src/index.ts";
import { withServer } from "./helpers.ts";

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

const headers = new FastAPI();
headers.get("/h/basic", { params: { x_num: Header(z.int()) } }, ({ x_num }) => ({ x_num }));
headers.get("/h/str", { params: { x_s: Header(z.string()) } }, ({ x_s }) => ({ x_s }));
headers.get("/h/list", { params: { x_token: Header(z.array(z.string())) } }, ({ x_token }) => ({ x_token }));
headers.get("/h/listint", { params: { x_a: Header(z.array(z.int())) } }, ({ x_a }) => ({ x_a }));
const HM = z.object({ x_num: z.int(), x_tags: z.array(z.string()).default([]) }).meta({ id: "HM" });
headers.get("/h/model", { params: { h: Header(HM) } }, ({ h }) => h);

/** A GET with these header lines (name, value, name, value…) exactly as listed, on a real server. */
function getLines(base: string, path: string, lines: string[]): Promise<[number, unknown]> {
  return new Promise((resolve, reject) => {
    const host = lines.includes("host") ? [] : ["host", new URL(base).host];
    const req = httpRequest(`${base}${path}`, { headers: [...host, ...lines, "connection", "close"] as unknown as Record<string, string> }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        try {
          resolve([res.statusCode!, JSON.parse(Buffer.concat(parts).toString())]);
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("header lines as Starlette's Headers gives them", () => {
  it("a single-value header sent on two lines is its first line; a comma inside one line stays", async () => {
    await withServer(headers, async (base) => {
      expect(await getLines(base, "/h/basic", ["x-num", "1", "x-num", "2"])).toEqual([200, { x_num: 1 }]);
      expect(await getLines(base, "/h/str", ["x-s", "a", "x-s", "b"])).toEqual([200, { x_s: "a" }]);
      expect(await getLines(base, "/h/str", ["x-s", "a, b"])).toEqual([200, { x_s: "a, b" }]);
      expect(await getLines(base, "/h/basic", ["x-num", "1, 2"])).toEqual([422, { detail: [
        { type: "int_parsing", loc: ["header", "x-num"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "1, 2" },
      ] }]);
    });
  });

  it("a list header is its lines, each whole", async () => {
    await withServer(headers, async (base) => {
      expect(await getLines(base, "/h/list", ["x-token", "a, b"])).toEqual([200, { x_token: ["a, b"] }]);
      expect(await getLines(base, "/h/list", ["x-token", "a", "x-token", "b, c"])).toEqual([200, { x_token: ["a", "b, c"] }]);
      expect(await getLines(base, "/h/listint", ["x-a", "1", "x-a", "2"])).toEqual([200, { x_a: [1, 2] }]);
      expect(await getLines(base, "/h/listint", ["x-a", "1,2"])).toEqual([422, { detail: [
        { type: "int_parsing", loc: ["header", "x-a", 0], msg: "Input should be a valid integer, unable to parse string as an integer", input: "1,2" },
      ] }]);
    });
  });

  it("a header model reads its fields the same way", async () => {
    await withServer(headers, async (base) => {
      expect(await getLines(base, "/h/model", ["x-num", "1", "x-num", "2"])).toEqual([200, { x_num: 1, x_tags: [] }]);
      expect(await getLines(base, "/h/model", ["x-num", "1", "x-tags", "a, b"])).toEqual([200, { x_num: 1, x_tags: ["a, b"] }]);
      expect(await getLines(base, "/h/model", ["x-num", "1", "x-tags", "a", "x-tags", "b"])).toEqual([200, { x_num: 1, x_tags: ["a", "b"] }]);
      expect(await getLines(base, "/h/model", ["host", "x", "x-tags", "a, b"])).toEqual([422, { detail: [
        { type: "missing", loc: ["header", "x_num"], msg: "Field required", input: { x_tags: ["a, b"], host: "x", connection: "close" } },
      ] }]);
    });
  });

  it("without the received lines (a Web Request), a list reads a joined value as its lines; a single value keeps it whole", async () => {
    const c = new TestClient(headers);
    expect((await c.get("/h/list", { headers: { "x-token": "a, b" } })).json()).toEqual({ x_token: ["a", "b"] });
    expect((await c.get("/h/listint", { headers: { "x-a": "1,2" } })).status).toBe(422);
    expect((await c.get("/h/str", { headers: { "x-s": "a, b" } })).json()).toEqual({ x_s: "a, b" });
  });
});

const forms = new FastAPI();
forms.post("/f/list", { params: { tags: Form(z.array(z.string())) } }, ({ tags }) => ({ tags }));
forms.post("/f/listdef", { params: { tags: Form(z.array(z.string()).default(["x"])) } }, ({ tags }) => ({ tags }));
forms.post("/f/str", { params: { s: Form(z.string()) } }, ({ s }) => ({ s }));
forms.post("/f/strdef", { params: { s: Form(z.string().default("dd")) } }, ({ s }) => ({ s }));
const FM = z.object({ s: z.string(), tags: z.array(z.string()).default([]) }).meta({ id: "FM" });
forms.post("/f/model", { params: { m: Form(FM) } }, ({ m }) => m);
const FM2 = z.object({ s: z.string().default("dflt"), n: z.int().nullable().default(null), tags: z.array(z.string()).default(["z"]) }).meta({ id: "FM2" });
forms.post("/f/model2", { params: { m: Form(FM2) } }, ({ m }) => m);
forms.post("/files/one", { params: { file: UploadFile } }, async ({ file }) => ({ name: file.filename, body: await file.text() }));
forms.post("/files/bytes", { params: { file: File() } }, ({ file }) => ({ size: file.length, body: new TextDecoder().decode(file) }));
forms.post("/files/many", { params: { files: File({ upload: true, list: true }) } }, ({ files }) => files.map((f) => f.filename));
forms.post("/files/opt", { params: { file: File({ upload: true, optional: true }) } }, ({ file }) => ({ file: file?.filename ?? null }));

const formClient = new TestClient(forms);
const urlencoded = async (path: string, body: string) => {
  const r = await formClient.post(path, { content: body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  return [r.status, r.json()];
};
/** A multipart body of these parts: `[name, value]` for a field, `[name, value, filename]` for a file. */
const multipart = async (path: string, parts: [string, string, string?][]) => {
  const body = parts.map(([name, value, filename]) => `--B\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? "" : `; filename="${filename}"`}\r\n`
    + `${filename === undefined ? "" : "Content-Type: text/plain\r\n"}\r\n${value}\r\n`).join("") + "--B--\r\n";
  const r = await formClient.post(path, { content: body, headers: { "content-type": "multipart/form-data; boundary=B" } });
  return [r.status, r.json()];
};
const notUpload = (input: string, ...loc: (string | number)[]) => ({
  type: "value_error", loc: ["body", ...loc], msg: "Value error, Expected UploadFile, received: <class 'str'>", input, ctx: { error: {} },
});

describe("form fields as FastAPI's _get_multidict_value reads them", () => {
  it("a list keeps its empty values; any other field reads the last value, and an empty one is missing", async () => {
    expect(await urlencoded("/f/list", "tags=")).toEqual([200, { tags: [""] }]);
    expect(await urlencoded("/f/list", "tags=&tags=a")).toEqual([200, { tags: ["", "a"] }]);
    expect(await urlencoded("/f/listdef", "tags=")).toEqual([200, { tags: [""] }]);
    expect(await multipart("/f/list", [["tags", ""]])).toEqual([200, { tags: [""] }]);
    expect(await urlencoded("/f/str", "s=")).toEqual([422, { detail: [missing("s")] }]);
    expect(await urlencoded("/f/str", "s=a&s=")).toEqual([422, { detail: [missing("s")] }]);
    expect(await urlencoded("/f/str", "s=&s=a")).toEqual([200, { s: "a" }]);
    expect(await urlencoded("/f/strdef", "s=")).toEqual([200, { s: "dd" }]);
  });

  it("a form model's fields (not `Form()` parameters themselves) keep an empty value", async () => {
    expect(await urlencoded("/f/model", "s=a&tags=")).toEqual([200, { s: "a", tags: [""] }]);
    expect(await urlencoded("/f/model", "s=")).toEqual([200, { s: "", tags: [] }]);
    expect(await urlencoded("/f/model", "s=a&s=")).toEqual([200, { s: "", tags: [] }]);
    expect(await urlencoded("/f/model", "s=&s=a")).toEqual([200, { s: "a", tags: [] }]);
    expect(await urlencoded("/f/model", "tags=a")).toEqual([422, { detail: [{ ...missing("s"), input: { tags: ["a"] } }] }]);
    expect(await urlencoded("/f/model2", "s=&n=&tags=")).toEqual([422, { detail: [
      { type: "int_parsing", loc: ["body", "n"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "" },
    ] }]);
    expect(await urlencoded("/f/model2", "")).toEqual([200, { s: "dflt", n: null, tags: ["z"] }]);
  });

  it("a string sent for an UploadFile fails pydantic's check; for bytes, it is the string's bytes", async () => {
    expect(await urlencoded("/files/one", "file=hello")).toEqual([422, { detail: [notUpload("hello", "file")] }]);
    expect(await multipart("/files/one", [["file", "hello"]])).toEqual([422, { detail: [notUpload("hello", "file")] }]);
    expect(await urlencoded("/files/opt", "file=x")).toEqual([422, { detail: [notUpload("x", "file")] }]);
    expect(await urlencoded("/files/bytes", "file=hello")).toEqual([200, { size: 5, body: "hello" }]);
    expect(await urlencoded("/files/one", "file=")).toEqual([422, { detail: [missing("file")] }]);
    expect(await urlencoded("/files/bytes", "file=")).toEqual([422, { detail: [missing("file")] }]);
    expect(await urlencoded("/files/opt", "file=")).toEqual([200, { file: null }]);
  });

  it("a list of files checks each value; a single file reads the last one", async () => {
    expect(await multipart("/files/many", [["files", "A", "a.txt"], ["files", "str"]])).toEqual([422, { detail: [notUpload("str", "files", 1)] }]);
    expect(await urlencoded("/files/many", "files=")).toEqual([422, { detail: [notUpload("", "files", 0)] }]);
    expect(await multipart("/files/one", [["file", "A", "a.txt"], ["file", "B", "b.txt"]])).toEqual([200, { name: "b.txt", body: "B" }]);
    expect(await multipart("/files/one", [["file", "A", "a.txt"], ["file", "s"]])).toEqual([422, { detail: [notUpload("s", "file")] }]);
    expect(await multipart("/files/one", [["file", "s"], ["file", "A", "a.txt"]])).toEqual([200, { name: "a.txt", body: "A" }]);
  });
});
