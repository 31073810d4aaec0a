import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);
const navigation = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };
const shell = "<!doctype html><title>My App</title><div id=\"app\"></div><script src=\"/assets/app.js\"></script>";

describe("frontend/tutorial003", () => {
  it("serves 404.html, with status 404, for a missing page", async () => {
    const response = await client.get("/missing", navigation);
    expect(response.status).toBe(404);
    expect(response.text).toBe("<!doctype html><title>Not found</title><h1>This page does not exist</h1>");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("serves it for missing assets too, and never index.html as a fallback", async () => {
    expect((await client.get("/assets/missing.js")).status).toBe(404);
    expect((await client.get("/assets/missing.js")).text).toContain("This page does not exist");
    expect((await client.get("/")).text).toBe(shell);
  });
});
