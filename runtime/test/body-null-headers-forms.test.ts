/**
 * Wire answers of FastAPI 0.142 (pydantic 2.13, Starlette) checked on the real FastAPI: a JSON `null` for a body
 * parameter, headers sent on several lines or holding commas, and form and file fields.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { request as httpRequest } from "node:http";
import { Body, FastAPI, File, Form, Header, TestClient, UploadFile } from "../src/index.ts";
import { withServer } from "./helpers.ts";
import { defaultFormLimits } from "../src/forms/limits.ts";
import { readForm } from "../src/forms/read.ts";

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

  // FastAPI reads one line `x-token: a, b` as ["a, b"]; here a list reads it as ["a", "b"], as HTTP allows repeated
  // lines to be joined (RFC 9110, 5.3) and as the Web `Request` of every other runtime always has them: the same
  // answer on Node and through app.fetch, and FastAPI's for the repeated lines a proxy or client may have joined.
  it("a list header is its lines, a line joined with ', ' read as the lines it joins", async () => {
    await withServer(headers, async (base) => {
      expect(await getLines(base, "/h/list", ["x-token", "a, b"])).toEqual([200, { x_token: ["a", "b"] }]);
      expect(await getLines(base, "/h/list", ["x-token", "a", "x-token", "b, c"])).toEqual([200, { x_token: ["a", "b", "c"] }]);
      expect(await getLines(base, "/h/list", ["x-token", "a,b"])).toEqual([200, { x_token: ["a,b"] }]);
      expect(await getLines(base, "/h/listint", ["x-a", "1", "x-a", "2"])).toEqual([200, { x_a: [1, 2] }]);
      expect(await getLines(base, "/h/listint", ["x-a", "1,2"])).toEqual([422, { detail: [
        { type: "int_parsing", loc: ["header", "x-a", 0], msg: "Input should be a valid integer, unable to parse string as an integer", input: "1,2" },
      ] }]);
    });
  });

  it("a header model reads its fields the same way", async () => {
    await withServer(headers, async (base) => {
      expect(await getLines(base, "/h/model", ["x-num", "1", "x-num", "2"])).toEqual([200, { x_num: 1, x_tags: [] }]);
      expect(await getLines(base, "/h/model", ["x-num", "1", "x-tags", "a, b"])).toEqual([200, { x_num: 1, x_tags: ["a", "b"] }]);
      expect(await getLines(base, "/h/model", ["x-num", "1", "x-tags", "a", "x-tags", "b"])).toEqual([200, { x_num: 1, x_tags: ["a", "b"] }]);
      expect(await getLines(base, "/h/model", ["host", "x", "x-tags", "a, b"])).toEqual([422, { detail: [
        { type: "missing", loc: ["header", "x_num"], msg: "Field required", input: { x_tags: ["a", "b"], host: "x", connection: "close" } },
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

const multipartApp = new FastAPI();
multipartApp.post("/f/opt", { params: { s: Form(z.string().nullable().default(null)) } }, ({ s }) => ({ s }));
const multipartClient = new TestClient(multipartApp);
const H = 'Content-Disposition: form-data; name="s"\r\n';
const P = `${H}\r\nv\r\n`;
const X = (n: number) => Array.from({ length: n }, (_, i) => `X-${i}: a\r\n`).join("");
const invalid = [400, { detail: "Invalid multipart data." }];
const noName = [400, { detail: 'The Content-Disposition header field "name" must be provided.' }];
/** [name, boundary, body, FastAPI's answer (Starlette's parser, python-multipart 0.0.32)] */
const multipartCases: [string, string, string, unknown[]][] = [
  ["garbage", "B", "garbage", invalid],
  ["an empty body", "B", "", [200, { s: null }]],
  ["no closing boundary: the unfinished part is dropped", "B", `--B\r\n${P}`, [200, { s: null }]],
  ["cut in a part's data", "B", `--B\r\n${H}\r\nvvv`, [200, { s: null }]],
  ["cut in a part's headers", "B", "--B\r\nContent-Disposition: form-da", [200, { s: null }]],
  ["a completed part before the cut", "B", `--B\r\n${P}--B\r\n${H}\r\nw`, [200, { s: "v" }]],
  ["junk after the first boundary", "B", `--Bxx\r\n${P}--B--\r\n`, invalid],
  ["a preamble", "B", `preamble\r\n--B\r\n${P}--B--\r\n`, invalid],
  ["leading CRLF", "B", `\r\n--B\r\n${P}--B--\r\n`, [200, { s: "v" }]],
  ["leading CRLF then junk up to a dash", "B", `\r\njunk--B\r\n${P}--B--\r\n`, [200, { s: "v" }]],
  ["an epilogue", "B", `--B\r\n${P}--B--\r\nepilogue`, [200, { s: "v" }]],
  ["no CRLF after the closing boundary", "B", `--B\r\n${P}--B--`, [200, { s: "v" }]],
  ["only the closing boundary", "B", "--B--\r\n", [200, { s: null }]],
  ["spaces after the first boundary", "B", `--B  \r\n${P}--B--\r\n`, invalid],
  ["LF line ends", "B", '--B\nContent-Disposition: form-data; name="s"\n\nv\n--B--\n', invalid],
  ["CR then not LF after the boundary", "B", "--B\rX", invalid],
  ["a boundary over 256 characters", "x".repeat(257), `--${"x".repeat(257)}\r\n${P}--${"x".repeat(257)}--\r\n`, invalid],
  ["a boundary of 256 characters", "x".repeat(256), `--${"x".repeat(256)}\r\n${P}--${"x".repeat(256)}--\r\n`, [200, { s: "v" }]],
  ["a quoted boundary ending in a space", '"B "', `--B \r\n${P}--B --\r\n`, [200, { s: "v" }]],
  ["a delimiter followed by other than CRLF or -- is data", "B", `--B\r\n${H}\r\nv\r\n--Bx\r\nw\r\n--B--\r\n`, [200, { s: "v\r\n--Bx\r\nw" }]],
  ["a delimiter followed by -x is data", "B", `--B\r\n${H}\r\nv\r\n--B-x\r\n--B--\r\n`, [200, { s: "v\r\n--B-x" }]],
  ["two parts: the last value", "B", `--B\r\n${P}--B\r\n${H}\r\nw\r\n--B--\r\n`, [200, { s: "w" }]],
  ["a header line without a colon", "B", "--B\r\nContent-Disposition form-data\r\n\r\nv\r\n--B--\r\n", invalid],
  ["a space before the colon", "B", '--B\r\nContent-Disposition : form-data; name="s"\r\n\r\nv\r\n--B--\r\n', invalid],
  ["an empty header name", "B", `--B\r\n${H}: x\r\n\r\nv\r\n--B--\r\n`, invalid],
  ["a lone CR in a header value", "B", '--B\r\nContent-Disposition: form-data; name="s"\rX\r\n\r\nv\r\n--B--\r\n', invalid],
  ["8 headers", "B", `--B\r\n${H}${X(7)}\r\nv\r\n--B--\r\n`, [200, { s: "v" }]],
  ["9 headers", "B", `--B\r\n${H}${X(8)}\r\nv\r\n--B--\r\n`, invalid],
  ["a header line of 4224 bytes", "B", `--B\r\n${H}X-A: ${"a".repeat(4219)}\r\n\r\nv\r\n--B--\r\n`, [200, { s: "v" }]],
  ["a header line of 4225 bytes", "B", `--B\r\n${H}X-A: ${"a".repeat(4220)}\r\n\r\nv\r\n--B--\r\n`, invalid],
  ["a header block over maxPartHeaderSize", "B", `--B\r\n${H}X-Big: ${"a".repeat(20000)}\r\n\r\nv\r\n--B--\r\n`, invalid],
  ["no headers", "B", "--B\r\n\r\nv\r\n--B--\r\n", noName],
  ["no name", "B", "--B\r\nContent-Disposition: form-data\r\n\r\nv\r\n--B--\r\n", noName],
];

describe("malformed multipart bodies as Starlette answers them", () => {
  it.each(multipartCases)("%s", async (_name, boundary, body, expected) => {
    const r = await multipartClient.post("/f/opt", { content: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect([r.status, r.json()]).toEqual(expected);
  });

  it("answers the same whatever the chunks the body arrives in", async () => {
    for (const [name, boundary, body] of multipartCases) {
      const bytes = new TextEncoder().encode(body);
      const answer = async (chunks: Uint8Array[]) => {
        try {
          const form = await readForm({
            contentType: `multipart/form-data; boundary=${boundary}`, body: (async function* () { yield* chunks; })(), limits: defaultFormLimits,
          });
          return [...form.entries()];
        } catch (e) {
          return (e as { detail?: unknown }).detail;
        }
      };
      const whole = await answer([bytes]);
      for (const size of [1, 2, 3, 5, 7, 64]) {
        const chunks: Uint8Array[] = [];
        for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
        expect([name, size, await answer(chunks)]).toEqual([name, size, whole]);
      }
    }
  });

  it("a missing boundary keeps Starlette's own message", async () => {
    const r = await multipartClient.post("/f/opt", { content: "x", headers: { "content-type": "multipart/form-data" } });
    expect([r.status, r.json()]).toEqual([400, { detail: "Missing boundary in multipart." }]);
  });
});
