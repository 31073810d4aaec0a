import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("dependencies/tutorial008b", () => {
  it("answers 404 for an unknown item", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Item not found" });
  });

  it("turns the OwnerError into a 400 in the dependency's exit code", async () => {
    const response = await client.get("/items/plumbus");
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ detail: "Owner error: Rick" });
  });

  it("returns an item Rick owns", async () => {
    const response = await client.get("/items/portal-gun");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ description: "Gun to create portals", owner: "Rick" });
  });
});
