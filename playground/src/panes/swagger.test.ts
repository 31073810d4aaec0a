import { describe, expect, it } from "vitest";
import { resolveAuthUrl } from "./swagger.ts";

describe("the OAuth2 token URL Swagger UI posts to", () => {
  const origin = "http://127.0.0.1:4173";
  it("resolves a relative tokenUrl against the app's root, as the app's own /docs page would", () => {
    expect(resolveAuthUrl("token", undefined, origin)).toBe(`${origin}/token`);
    expect(resolveAuthUrl("auth/token", "", origin)).toBe(`${origin}/auth/token`);
    expect(resolveAuthUrl("/token", undefined, origin)).toBe(`${origin}/token`);
  });

  it("leaves absolute URLs, and documents with a server, to Swagger UI", () => {
    expect(resolveAuthUrl("https://auth.example.com/token", undefined, origin)).toBe("https://auth.example.com/token");
    expect(resolveAuthUrl("//auth.example.com/token", undefined, origin)).toBe("//auth.example.com/token");
    expect(resolveAuthUrl("token", "/api/v1", origin)).toBe("token");
  });
});
