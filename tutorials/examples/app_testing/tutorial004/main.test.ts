import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app, items } from "./main.ts";

describe("app_testing/tutorial004", () => {
  it("runs the lifespan around the block that holds the client", async () => {
    // Before the lifespan starts, the items are empty
    expect(items).toEqual({});
    {
      await using client = await TestClient.with(app);
      // The lifespan has run up to its yield: the items are there
      expect(items).toEqual({ foo: { name: "Fighters" }, bar: { name: "Tenders" } });
      const response = await client.get("/items/foo");
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ name: "Fighters" });
      // After the request, the items are still there
      expect(items).toEqual({ foo: { name: "Fighters" }, bar: { name: "Tenders" } });
    }
    // Leaving the block shut the app down: the lifespan's cleanup has run
    expect(items).toEqual({});
  });
});
