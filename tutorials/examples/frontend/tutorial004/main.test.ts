import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);
const navigation = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const shell = "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>";

describe("frontend/tutorial004", () => {
  it("serves the frontend under the router's prefix", async () => {
    expect((await client.get("/app/assets/app.js")).status).toBe(200);
    const response = await client.get("/app/dashboard", navigation);
    expect(response.status).toBe(200);
    expect(response.text).toBe(shell.replace("/assets/app.js", "/app/assets/app.js"));
  });

  it("answers nothing outside the prefix", async () => {
    expect((await client.get("/dashboard", navigation)).status).toBe(404);
    expect((await client.get("/application", navigation)).status).toBe(404);
  });
});
