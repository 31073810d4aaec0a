import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FastAPI, TestClient } from "../src/index.ts";

// A returned value is validated by the response model as FastAPI validates it: pydantic's lax mode. Each
// expectation is FastAPI 0.142's answer for the same app.

describe("response model validation in lax mode", () => {
  const Out = z.object({ name: z.string(), price: z.number(), desc: z.string().nullable().default(null), tax: z.number().nullable().default(null) });
  const stored = { name: "a", price: "3", tax: true };
  const app = new FastAPI();
  app.get("/item", { responseModel: Out }, function read_item() {
    return stored;
  });
  app.get("/items", { responseModel: z.array(Out) }, function read_items() {
    return [{ name: "b", price: "2.5" }];
  });
  app.get("/invalid", { responseModel: Out }, function read_invalid() {
    return { name: "c", price: "three" };
  });
  const client = new TestClient(app, { raiseServerExceptions: false });

  it("reads numeric strings and booleans for numbers, leaving the handler's object as it was", async () => {
    const r = await client.get("/item");
    expect([r.status, r.json()]).toEqual([200, { name: "a", price: 3, desc: null, tax: 1 }]);
    expect(stored).toEqual({ name: "a", price: "3", tax: true });
  });

  it("does so inside lists", async () => {
    expect((await client.get("/items")).json()).toEqual([{ name: "b", price: 2.5, desc: null, tax: null }]);
  });

  it("still answers 500 for what lax mode does not accept", async () => {
    expect((await client.get("/invalid")).status).toBe(500);
  });
});
