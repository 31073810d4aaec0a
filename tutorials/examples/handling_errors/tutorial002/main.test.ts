import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("handling_errors/tutorial002", () => {
  it("answers an existing item without the error header", async () => {
    const response = await client.get("/items-header/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ item: "The Foo Wrestlers" });
    expect(response.headers.get("x-error")).toBeNull();
  });

  it("sends the exception's headers with the 404", async () => {
    const response = await client.get("/items-header/bar");
    expect(response.status).toBe(404);
    expect(response.headers.get("x-error")).toBe("There goes my error");
    expect(response.json()).toEqual({ detail: "Item not found" });
  });
});
