import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);
const navigation = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const shell = "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>";

describe("frontend/tutorial002", () => {
  it("serves index.html to browser navigations of client-side routes", async () => {
    const response = await client.get("/dashboard", navigation);
    expect(response.status).toBe(200);
    expect(response.text).toBe(shell);
  });

  it("keeps 404 for missing files and for requests that are not navigations", async () => {
    expect((await client.get("/assets/missing.js", navigation)).status).toBe(404);
    expect((await client.get("/dashboard", { headers: { accept: "application/json" } })).status).toBe(404);
  });

  it("answers 405 to other methods", async () => {
    const response = await client.post("/dashboard", navigation);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
