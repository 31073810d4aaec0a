import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("custom_request_and_route/tutorial003", () => {
  it("does not time the app's own operation", async () => {
    const response = await client.get("/");
    expect(response.json()).toEqual({ message: "Not timed" });
    expect(response.headers.has("X-Response-Time")).toBe(false);
  });

  it("times the router's operation", async () => {
    const response = await client.get("/timed");
    expect(response.json()).toEqual({ message: "It's the time of my life" });
    const time = Number(response.headers.get("X-Response-Time"));
    expect(Number.isFinite(time)).toBe(true);
    expect(time).toBeGreaterThanOrEqual(0);
  });
});
