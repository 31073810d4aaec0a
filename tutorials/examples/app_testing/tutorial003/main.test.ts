import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("app_testing/tutorial003", () => {
  it("reads the items the startup handler filled", async () => {
    await using client = await TestClient.with(app);
    const response = await client.get("/items/foo");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Fighters" });
  });
});
