import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

// The URL the client used, as the app sees it once the server believes the proxy's X-Forwarded-Proto: https.
const client = new TestClient(app, { baseUrl: "https://example.com", followRedirects: false });

describe("behind_a_proxy/tutorial001_01", () => {
  it("redirects to the path with a slash, keeping the client's https", async () => {
    const response = await client.get("/items");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://example.com/items/");
  });

  it("answers the path with the slash", async () => {
    const response = await client.get("/items/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(["plumbus", "portal gun"]);
  });
});
