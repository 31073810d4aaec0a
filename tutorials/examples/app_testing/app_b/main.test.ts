import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("app_testing/app_b", () => {
  it("reads an item", async () => {
    const response = await client.get("/items/foo", { headers: { "X-Token": "coneofsilence" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      id: "foo",
      title: "Foo",
      description: "There goes my hero",
    });
  });

  it("refuses a bad token when reading", async () => {
    const response = await client.get("/items/foo", { headers: { "X-Token": "hailhydra" } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "Invalid X-Token header" });
  });

  it("answers 404 for an item that does not exist", async () => {
    const response = await client.get("/items/baz", { headers: { "X-Token": "coneofsilence" } });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Item not found" });
  });

  it("creates an item", async () => {
    const response = await client.post("/items/", {
      headers: { "X-Token": "coneofsilence" },
      json: { id: "foobar", title: "Foo Bar", description: "The Foo Barters" },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      id: "foobar",
      title: "Foo Bar",
      description: "The Foo Barters",
    });
  });

  it("refuses a bad token when creating", async () => {
    const response = await client.post("/items/", {
      headers: { "X-Token": "hailhydra" },
      json: { id: "bazz", title: "Bazz", description: "Drop the bazz" },
    });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "Invalid X-Token header" });
  });

  it("refuses to create an item that already exists", async () => {
    const response = await client.post("/items/", {
      headers: { "X-Token": "coneofsilence" },
      json: {
        id: "foo",
        title: "The Foo ID Stealers",
        description: "There goes my stealer",
      },
    });
    expect(response.status).toBe(409);
    expect(response.json()).toEqual({ detail: "Item already exists" });
  });

  it("requires the X-Token header", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["header", "x-token"], msg: "Field required", input: null }],
    });
  });
});
