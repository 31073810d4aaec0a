import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

describe("async_tests/app_a", () => {
  it("reads the root, awaiting the answer", async () => {
    const client = new TestClient(app);
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: "Tomato" });
  });

  it("awaits other async work in the same test", async () => {
    const client = new TestClient(app);
    // Any promise can be awaited next to the requests: here, two requests at once and a timer.
    const [first, second] = await Promise.all([
      client.get("/"),
      client.get("/"),
      new Promise((resolve) => setTimeout(resolve, 10)),
    ]);
    expect(first.json()).toEqual({ message: "Tomato" });
    expect(second.json()).toEqual({ message: "Tomato" });
  });

  it("answers a standard Request sent to app.fetch", async () => {
    const response = await app.fetch(new Request("http://test/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ message: "Tomato" });
  });
});
