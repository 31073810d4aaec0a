import { describe, it, expect } from "vitest";
import { FastAPI, TestClient } from "fastapi-ts";
import { z } from "zod";
import { app } from "./main.ts";

const client = new TestClient(app);
const body = '{"name": "Foo", "price": 50.5}';

describe("strict_content_type/tutorial001", () => {
  it("parses a body sent without Content-Type as JSON", async () => {
    const response = await client.post("/items/", { content: body });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", price: 50.5 });
  });

  it("parses a body sent as application/json, as always", async () => {
    const response = await client.post("/items/", { json: { name: "Foo", price: 50.5 } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Foo", price: 50.5 });
  });

  it("still refuses a body that says it is something else", async () => {
    const response = await client.post("/items/", { content: body, headers: { "Content-Type": "text/plain" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: body }],
    });
  });

  it("is the opposite of the default, which refuses a body without Content-Type", async () => {
    const strict = new FastAPI();
    strict.post("/items/", { params: { item: z.object({ name: z.string(), price: z.number() }) } }, async function create_item({ item }) {
      return item;
    });
    const response = await new TestClient(strict).post("/items/", { content: body });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: body }],
    });
  });
});
