import { describe, expect, it } from "vitest";
import { z } from "zod";
import { base64Bytes, containsCodec, FastAPI, modelJsonSchema, ResponseValidationError, TestClient } from "../src/index.ts";

describe("codecs in models", () => {
  it("finds codecs nested in objects, arrays, optionals and unions", () => {
    expect(containsCodec(z.object({ a: z.array(z.object({ b: base64Bytes().optional() })) }))).toBe(true);
    expect(containsCodec(z.union([z.string(), base64Bytes()]))).toBe(true);
    expect(containsCodec(z.object({ a: z.string().transform((s) => s.length) }))).toBe(false);
  });

  it("encodes a response model's codecs, nested too, and keeps plain transforms working elsewhere", async () => {
    const app = new FastAPI();
    const Files = z.object({ files: z.array(z.object({ name: z.string(), data: base64Bytes() })) });
    app.get("/files", { responseModel: Files }, () => ({ files: [{ name: "a", data: new Uint8Array([104, 105]) }] }));
    const Lengths = z.object({ n: z.string().transform((s) => s.length) });
    app.get("/lengths", { responseModel: Lengths }, () => ({ n: "abc" }));
    const client = new TestClient(app);
    expect((await client.get("/files")).json()).toEqual({ files: [{ name: "a", data: "aGk=" }] });
    expect((await client.get("/lengths")).json()).toEqual({ n: 3 });
  });

  it("answers a server error when a handler returns text where the model wants bytes", async () => {
    const app = new FastAPI();
    app.get("/bad", { responseModel: z.object({ data: base64Bytes() }) }, () => ({ data: "aGk=" }));
    await expect(new TestClient(app).get("/bad")).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("documents a codec by its JSON side in both directions", () => {
    const M = z.object({ data: base64Bytes() });
    const expected = { type: "string", contentEncoding: "base64", contentMediaType: "application/octet-stream", title: "Data" };
    expect((modelJsonSchema(M, "input").properties as Record<string, unknown>).data).toEqual(expected);
    expect((modelJsonSchema(M, "output").properties as Record<string, unknown>).data).toEqual(expected);
  });
});
