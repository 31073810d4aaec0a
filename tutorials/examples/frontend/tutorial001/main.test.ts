import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);
const navigation = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const shell = "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>";

describe("frontend/tutorial001", () => {
  it("serves the build's files", async () => {
    const response = await client.get("/assets/app.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.text).toContain("You are on");
    expect((await client.get("/")).text).toBe(shell);
  });

  it("falls back to index.html for a browser navigating to a client-side route (fallback auto)", async () => {
    const response = await client.get("/dashboard/settings", navigation);
    expect(response.status).toBe(200);
    expect(response.text).toBe(shell);
  });

  it("answers 404 for a missing asset", async () => {
    const response = await client.get("/assets/missing.js");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Not Found" });
  });

  it("is not documented", async () => {
    expect((await client.get("/openapi.json")).json()).toEqual({ openapi: "3.1.0", info: { title: "FastAPI", version: "0.1.0" }, paths: {} });
  });
});
