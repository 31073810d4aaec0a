import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("handling_errors/tutorial001", () => {
  it("answers an existing item", async () => {
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item: "The Foo Wrestlers" });
  });

  it("answers 404 with the detail for a missing item", async () => {
    const response = await client.get("/items/bar");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.json()).toEqual({ detail: "Item not found" });
  });
});
