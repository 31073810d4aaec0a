// Answers of Starlette 1.7 (FastAPI 0.142), read from a real server, that fastapi-ts's middleware, mounts and
// security schemes must give header for header.
import { describe, expect, it } from "vitest";
import { CORSMiddleware, FastAPI, PlainTextResponse, TestClient } from "../src/index.ts";

const PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network";

describe("CORSMiddleware as Starlette 1.7", () => {
  function client(options: ConstructorParameters<typeof CORSMiddleware>[1]): TestClient {
    const app = new FastAPI();
    app.addMiddleware(CORSMiddleware, options);
    app.get("/", async function home() { return new PlainTextResponse("Homepage"); });
    app.get("/vary", async function vary() { return new PlainTextResponse("Homepage", { headers: { vary: "Accept-Encoding" } }); });
    return new TestClient(app);
  }
  const cors = (r: { headers: Headers }) => Object.fromEntries([...r.headers].filter(([k]) => k.startsWith("access-control-") || k === "vary"));

  it("adds Vary: Origin to every simple answer: allowed origin, other origin, no origin", async () => {
    const c = client({ allowOrigins: ["https://example.org"] });
    expect(cors(await c.get("/", { headers: { origin: "https://example.org" } }))).toEqual({ "access-control-allow-origin": "https://example.org", vary: "Origin" });
    expect(cors(await c.get("/", { headers: { origin: "https://another.org" } }))).toEqual({ vary: "Origin" });
    expect(cors(await c.get("/"))).toEqual({ vary: "Origin" });
    expect(cors(await c.get("/vary", { headers: { origin: "https://example.org" } }))).toEqual({ "access-control-allow-origin": "https://example.org", vary: "Accept-Encoding, Origin" });
  });

  it("adds Vary: Origin with allowOrigins ['*'] too; with credentials the origin is mirrored, cookie or not", async () => {
    const open = client({ allowOrigins: ["*"] });
    expect(cors(await open.get("/", { headers: { origin: "https://example.org" } }))).toEqual({ "access-control-allow-origin": "*", vary: "Origin" });
    expect(cors(await open.get("/"))).toEqual({ vary: "Origin" });
    const cred = client({ allowOrigins: ["*"], allowCredentials: true, exposeHeaders: ["X-Status"] });
    expect(cors(await cred.get("/", { headers: { origin: "https://example.org" } }))).toEqual({
      "access-control-allow-origin": "https://example.org", "access-control-allow-credentials": "true", "access-control-expose-headers": "X-Status", vary: "Origin",
    });
  });

  it("answers a preflight with Starlette's Vary and ALL_METHODS (QUERY included) for allowMethods ['*']", async () => {
    const c = client({ allowOrigins: ["*"], allowMethods: ["*"] });
    const r = await c.options("/", { headers: { origin: "https://example.org", "access-control-request-method": "QUERY" } });
    expect([r.status, r.text]).toEqual([200, "OK"]);
    expect(cors(r)).toEqual({
      vary: PREFLIGHT_VARY, "access-control-allow-origin": "*", "access-control-max-age": "600",
      "access-control-allow-methods": "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, QUERY",
      "access-control-allow-headers": "Accept, Accept-Language, Content-Language, Content-Type",
    });
  });

  it("refuses a private-network preflight unless allowPrivateNetwork", async () => {
    const pn = { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-private-network": "true" };
    const refused = await client({ allowOrigins: ["https://example.org"] }).options("/", { headers: pn });
    expect([refused.status, refused.text]).toEqual([400, "Disallowed CORS private-network"]);
    expect(refused.headers.get("vary")).toBe(PREFLIGHT_VARY);
    expect(refused.headers.has("access-control-allow-private-network")).toBe(false);
    const c = client({ allowOrigins: ["https://example.org"], allowPrivateNetwork: true });
    const ok = await c.options("/", { headers: pn });
    expect([ok.status, ok.text]).toEqual([200, "OK"]);
    expect(cors(ok)).toEqual({
      vary: PREFLIGHT_VARY, "access-control-allow-origin": "https://example.org", "access-control-allow-methods": "GET", "access-control-max-age": "600",
      "access-control-allow-headers": "Accept, Accept-Language, Content-Language, Content-Type", "access-control-allow-private-network": "true",
    });
    // Any value of the request header asks; other failures are listed first.
    const bad = await c.options("/", { headers: { ...pn, origin: "https://x.org", "access-control-request-method": "PUT", "access-control-request-private-network": "false" } });
    expect([bad.status, bad.text, bad.headers.get("access-control-allow-private-network")]).toEqual([400, "Disallowed CORS origin, method", "true"]);
  });

  it("an empty allowOriginRegex still matches the empty origin in full", async () => {
    expect(cors(await client({ allowOriginRegex: "" }).get("/", { headers: { origin: "" } }))).toEqual({ "access-control-allow-origin": "", vary: "Origin" });
  });
});
