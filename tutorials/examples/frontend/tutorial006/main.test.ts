import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);
const navigation = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const shell = "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>";

describe("frontend/tutorial006", () => {
  it("serves the frontend as usual once the directory exists", async () => {
    expect((await client.get("/assets/app.js")).status).toBe(200);
    expect((await client.get("/dashboard", navigation)).text).toBe(shell);
  });
});
