import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI, File, Form, TestClient, UploadFile } from "../src/index.ts";
import { withServer } from "./helpers.ts";

const app = new FastAPI();
app.post("/login/", { params: { username: Form(z.string()), password: Form(z.string()), remember: Form(z.boolean().default(false)) } },
  async function login({ username, remember }) {
    return { username, remember };
  });
const FormData_ = z.strictObject({ username: z.string(), password: z.string() }).meta({ id: "FormData" });
app.post("/model/", { params: { data: Form(FormData_) } }, async function model({ data }) {
  return data;
});
app.post("/files/", { params: { file: File(), fileb: UploadFile, token: Form(z.string()) } }, async function create_file({ file, fileb, token }) {
  return { file_size: file.length, token, fileb_content_type: fileb.contentType, filename: fileb.filename, text: await fileb.text() };
});
app.post("/many/", { params: { files: File({ list: true }), uploads: File({ upload: true, list: true, optional: true }) } },
  async function many({ files, uploads }) {
    return { sizes: files.map((f) => f.length), names: uploads?.map((u) => u.filename) ?? null };
  });

const client = new TestClient(app);

describe("forms and files", () => {
  it("reads urlencoded form fields with coercion", async () => {
    expect((await client.post("/login/", { data: { username: "foo", password: "secret", remember: "on" } })).json()).toEqual({ username: "foo", remember: true });
    const r = await client.post("/login/", { data: { username: "foo" } });
    expect(r.status).toBe(422);
    expect(r.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "password"], msg: "Field required", input: null }] });
    const none = await client.post("/login/", { json: { username: "foo", password: "x" } });
    expect(none.json()).toEqual({ detail: [
      { type: "missing", loc: ["body", "username"], msg: "Field required", input: null },
      { type: "missing", loc: ["body", "password"], msg: "Field required", input: null },
    ] });
  });

  it("reads a form model and forbids extra fields when strict", async () => {
    expect((await client.post("/model/", { data: { username: "u", password: "p" } })).json()).toEqual({ username: "u", password: "p" });
    const r = await client.post("/model/", { data: { username: "u", password: "p", extra: "x" } });
    expect(r.json()).toEqual({ detail: [{ type: "extra_forbidden", loc: ["body", "extra"], msg: "Extra inputs are not permitted", input: "x" }] });
  });

  it("reports a field missing from a form model with the received form as its input", async () => {
    const r = await client.post("/model/", { data: { username: "u", extra: "x" } });
    expect(r.json()).toEqual({ detail: [
      { type: "missing", loc: ["body", "password"], msg: "Field required", input: { username: "u", extra: "x" } },
      { type: "extra_forbidden", loc: ["body", "extra"], msg: "Extra inputs are not permitted", input: "x" },
    ] });
    const none = await client.post("/model/");
    expect(none.json()).toEqual({ detail: [
      { type: "missing", loc: ["body", "username"], msg: "Field required", input: {} },
      { type: "missing", loc: ["body", "password"], msg: "Field required", input: {} },
    ] });
  });

  it("hands a form model an undeclared field as received, empty values and repeats included", async () => {
    // FastAPI's _extract_form_body: getlist for every name the model does not declare, one value unwrapped. A
    // model's own fields are not `Form()` parameters: they keep "" too (`password: ""` is a valid string).
    const empty = await client.post("/model/", { data: { username: "u", password: "p", extra: "" } });
    expect(empty.json()).toEqual({ detail: [{ type: "extra_forbidden", loc: ["body", "extra"], msg: "Extra inputs are not permitted", input: "" }] });
    const blank = await client.post("/model/", { data: { username: "u", password: "", extra: ["a", ""] } });
    expect(blank.json()).toEqual({ detail: [{ type: "extra_forbidden", loc: ["body", "extra"], msg: "Extra inputs are not permitted", input: ["a", ""] }] });
    const repeated = await client.post("/model/", { data: { username: "u", extra: ["a", ""] } });
    expect(repeated.json()).toEqual({ detail: [
      { type: "missing", loc: ["body", "password"], msg: "Field required", input: { username: "u", extra: ["a", ""] } },
      { type: "extra_forbidden", loc: ["body", "extra"], msg: "Extra inputs are not permitted", input: ["a", ""] },
    ] });
  });

  it("reads files as bytes and UploadFile, with multipart fields", async () => {
    const r = await client.post("/files/", {
      data: { token: "abc" },
      files: { file: ["a.bin", new Uint8Array([1, 2, 3])], fileb: ["hello.txt", "Hello", "text/plain"] },
    });
    expect(r.json()).toEqual({ file_size: 3, token: "abc", fileb_content_type: "text/plain", filename: "hello.txt", text: "Hello" });
    const missing = await client.post("/files/", { data: { token: "abc" }, files: { file: ["a.bin", "x"] } });
    expect(missing.json()).toEqual({ detail: [{ type: "missing", loc: ["body", "fileb"], msg: "Field required", input: null }] });
  });

  it("reads lists of files", async () => {
    const r = await client.post("/many/", { files: { files: [["a", "12"], ["b", "123"]], uploads: [["x.txt", "1"], ["y.txt", "2"]] } });
    expect(r.json()).toEqual({ sizes: [2, 3], names: ["x.txt", "y.txt"] });
    expect((await client.post("/many/", { files: { files: [["a", "1"]] } })).json()).toEqual({ sizes: [1], names: null });
  });

  it("works on a real Node server", async () => {
    await withServer(app, async (base) => {
      const fd = new FormData();
      fd.append("token", "t");
      fd.append("file", new Blob(["abcd"]), "f.bin");
      fd.append("fileb", new Blob(["data"], { type: "image/png" }), "pic.png");
      const r = await fetch(`${base}/files/`, { method: "POST", body: fd });
      expect(await r.json()).toEqual({ file_size: 4, token: "t", fileb_content_type: "image/png", filename: "pic.png", text: "data" });
      const form = await fetch(`${base}/login/`, { method: "POST", body: new URLSearchParams({ username: "a", password: "b" }) });
      expect(await form.json()).toEqual({ username: "a", remember: false });
    });
  });
});
