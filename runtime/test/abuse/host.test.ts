// Issue 12, item 3: the Host header never routes a request, never defeats TrustedHostMiddleware, never poisons a URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOf, healthy, raw, startServer, type AbuseServer } from "./server.ts";

let plain: AbuseServer;
let trusted: AbuseServer;
beforeAll(async () => {
  [plain, trusted] = await Promise.all([startServer(), startServer({ args: ["--app", "trusted"] })]);
}, 30_000);
afterAll(async () => {
  await plain?.stop();
  await trusted?.stop();
});

const get = (server: AbuseServer, path: string, host: string) =>
  raw(server.port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

// Every one of these is refused by Starlette with 400 (TrustedHostMiddleware) and here before the app sees it.
const hostile = [
  "x/static/a.txt#",
  "x/static/a.txt?",
  "example.com:evil@evil.com",
  "evil.com#.example.com",
  "evil.com\\.example.com",
  "evil.com/admin?.example.com",
  "a b.example.com",
  "example.com:80:80",
  "example.com:99999",
  "[::1",
  "1.2.3.999",
  "ex%61mple.com",
];

describe("the Host header (abuse suite, real CLI server)", { timeout: 30_000 }, () => {
  it("an invalid Host gets 400 before anything uses it: 0 answers routed by it", async () => {
    for (const host of hostile) {
      const r = await get(plain, "/health", host);
      expect([host, r.status, bodyOf(r.text)]).toEqual([host, 400, "Invalid host header"]);
      expect(r.text).not.toContain("twenty-nine bytes");
    }
    expect(plain.output()).not.toContain("ERR_INVALID_URL");
    expect(await healthy(plain)).toBe(true);
  });

  it("a valid Host builds request.url and urlFor; an absolute-form target keeps only its path", async () => {
    const r = await get(plain, "/reset-link", "example.com:8000");
    expect([r.status, JSON.parse(bodyOf(r.text))]).toEqual([200, { link: "http://example.com:8000/health" }]);
    const absolute = await raw(plain.port, "GET http://evil.com/static/a.txt HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n");
    expect(absolute.status).toBe(200);
    expect(bodyOf(absolute.text)).toBe("twenty-nine bytes of content\n");
    const ipv6 = await get(plain, "/reset-link", "[::1]:8000");
    expect(JSON.parse(bodyOf(ipv6.text))).toEqual({ link: "http://[::1]:8000/health" });
  });

  it("TrustedHostMiddleware matches the name as Starlette does, and no spelling of a Host slips past it", async () => {
    for (const host of ["example.com", "example.com:8000", "www.example.com", "a.b.example.com:1"]) {
      expect([host, (await get(trusted, "/health", host)).status]).toEqual([host, 200]);
    }
    for (const host of ["evil.com", "example.com.evil.com", "notexample.com", "EXAMPLE.COM", ...hostile]) {
      const r = await get(trusted, "/health", host);
      expect([host, r.status, bodyOf(r.text)]).toEqual([host, 400, "Invalid host header"]);
    }
    // The poisoned reset link of the issue: refused, so no URL ever points at evil.com.
    const poisoned = await get(trusted, "/reset-link", "example.com:evil@evil.com");
    expect(poisoned.status).toBe(400);
    expect(poisoned.text).not.toContain("evil.com/");
    // A normal request afterwards (127.0.0.1 is not an allowed host here: example.com is).
    const ok = await get(trusted, "/reset-link", "example.com");
    expect(JSON.parse(bodyOf(ok.text))).toEqual({ link: "http://example.com/health" });
  });
});
