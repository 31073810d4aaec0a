import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("middleware/tutorial001", () => {
  it("adds X-Process-Time, in seconds, to every response", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const header = response.headers.get("x-process-time");
    expect(header).not.toBeNull();
    expect(Number(header)).toBeGreaterThanOrEqual(0);
  });

  it("times answers the app gives itself, such as a 404", async () => {
    const response = await client.get("/nonexistent");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Not Found" });
    expect(response.headers.has("x-process-time")).toBe(true);
  });

  it("declares no path operations", async () => {
    const response = await client.get("/openapi.json");
    expect(response.json()).toEqual({
      openapi: "3.1.0",
      info: { title: "FastAPI", version: "0.1.0" },
      paths: {},
    });
  });
});
