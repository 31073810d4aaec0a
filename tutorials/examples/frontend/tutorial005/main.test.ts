import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);
const navigation = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const shell = "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>";

describe("frontend/tutorial005", () => {
  it("serves files, and the normal 404 for anything missing", async () => {
    expect((await client.get("/")).text).toBe(shell);
    const response = await client.get("/dashboard", navigation);
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "Not Found" });
  });
});
