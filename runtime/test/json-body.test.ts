import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI, InvalidJsonEncoding, Request, TestClient } from "../src/index.ts";
import { jsonText, MAX_JSON_DEPTH, nestsDeeperThan } from "../src/json-text.ts";

// A JSON body's bytes as FastAPI reads them (`json.loads(body)`); each expectation is FastAPI 0.142's answer.

const Item = z.object({ name: z.string(), price: z.number(), tags: z.array(z.unknown()).default([]) });
const app = new FastAPI();
app.post("/items/", { params: { item: Item } }, async function create_item({ item }) {
  return item;
});
app.post("/count/", { params: { item: Item } }, async function count_item({ item }) {
  return { name: item.name, tags: item.tags.length };
});
app.post("/raw/", { params: { request: Request } }, async function raw({ request }) {
  return { parsed: await request.json() };
});
const client = new TestClient(app);
const json = { "content-type": "application/json" };
const body = '{"name":"a","price":1}';

function encodeUtf16(text: string, littleEndian: boolean, bom = false): Uint8Array {
  const out = new DataView(new ArrayBuffer((text.length + (bom ? 1 : 0)) * 2));
  let at = 0;
  if (bom) out.setUint16((at += 2) - 2, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++, at += 2) out.setUint16(at, text.charCodeAt(i), littleEndian);
  return new Uint8Array(out.buffer);
}

function encodeUtf32(text: string, littleEndian: boolean, bom = false): Uint8Array {
  const points = [...(bom ? "\ufeff" : ""), ...text].map((c) => c.codePointAt(0)!);
  const out = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((cp, i) => out.setUint32(i * 4, cp, littleEndian));
  return new Uint8Array(out.buffer);
}

describe("a JSON body's encoding", () => {
  it("answers 400 for bytes that are not valid UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xff, 0xfe, ...new TextEncoder().encode('","price":1}')]);
    const r = await client.post("/items/", { content: bytes, headers: json });
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ detail: "There was an error parsing the body" });
  });

  it("reads UTF-8 with a BOM, UTF-16 and UTF-32, told from the first bytes", async () => {
    const expected = { name: "a", price: 1, tags: [] };
    for (const bytes of [
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]),
      encodeUtf16(body, true), encodeUtf16(body, false), encodeUtf16(body, true, true), encodeUtf16(body, false, true),
      encodeUtf32(body, true), encodeUtf32(body, false), encodeUtf32(body, true, true),
    ]) {
      const r = await client.post("/items/", { content: bytes, headers: json });
      expect(r.status).toBe(200);
      expect(r.json()).toEqual(expected);
    }
  });

  it("keeps non-ASCII text, astral characters included", () => {
    const text = '{"name":"Zoë 🐍"}';
    expect(jsonText(new TextEncoder().encode(text))).toBe(text);
    expect(jsonText(encodeUtf16(text, true))).toBe(text);
    expect(jsonText(encodeUtf32(text, false))).toBe(text);
  });

  it("still reports malformed UTF-8 JSON as json_invalid (422)", async () => {
    const r = await client.post("/items/", { content: '{"name": "a",}', headers: json });
    expect(r.status).toBe(422);
    expect((r.json() as { detail: { type: string }[] }).detail[0]!.type).toBe("json_invalid");
  });

  it("reads request.json() the same way, and throws InvalidJsonEncoding for invalid bytes", async () => {
    expect((await client.post("/raw/", { content: encodeUtf16('{"a":[1]}', true), headers: json })).json()).toEqual({ parsed: { a: [1] } });
    const request = new Request({ method: "POST", url: "http://x/", headers: new Headers(), body: (async function* () {
      yield new Uint8Array([0x7b, 0xff, 0x7d]);
    })() });
    await expect(request.json()).rejects.toBeInstanceOf(InvalidJsonEncoding);
  });
});

describe("a JSON body's nesting", () => {
  const nested = (depth: number): string => `{"name":"a","price":1,"tags":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;

  it(`accepts ${MAX_JSON_DEPTH} levels and answers 400 past them, as FastAPI past Python's recursion limit`, async () => {
    const ok = await client.post("/count/", { content: nested(MAX_JSON_DEPTH), headers: json });
    expect(ok.json()).toEqual({ name: "a", tags: 1 });
    const deep = await client.post("/count/", { content: nested(MAX_JSON_DEPTH + 1), headers: json });
    expect(deep.status).toBe(400);
    expect(deep.json()).toEqual({ detail: "There was an error parsing the body" });
    const huge = await client.post("/items/", { content: "[".repeat(100_000) + "]".repeat(100_000), headers: json });
    expect(huge.status).toBe(400);
  });

  it("counts only brackets outside strings", () => {
    const inString = `["${"[".repeat(2000)}\\"${"{".repeat(2000)}"]`;
    expect(JSON.parse(inString)).toHaveLength(1);
    expect(nestsDeeperThan(inString, 5)).toBe(false);
    expect(nestsDeeperThan("[[[1]],[[2]]]", 3)).toBe(false);
    expect(nestsDeeperThan("[[[[1]]]]", 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
  });
});
