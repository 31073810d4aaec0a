import { describe, expect, it } from "vitest";
import { APIRouter, Depends, FastAPI, HTTPException, MemoryFileSystem, TestClient } from "../src/index.ts";

const html = { accept: "text/html" };

function site(files: Record<string, string>): MemoryFileSystem {
  return new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([k, v]) => [`dist/${k}`, v])));
}

describe("app.frontend()", () => {
  it("serves the build's files with validators, and path operations win", async () => {
    const app = new FastAPI();
    app.get("/api/users", () => ({ source: "api" }));
    app.frontend("/", { directory: "dist", fs: site({ "assets/app.js": "console.log('ok')", "api/users": "frontend" }) });
    const client = new TestClient(app);
    const asset = await client.get("/assets/app.js");
    expect(asset.status).toBe(200);
    expect(asset.text).toBe("console.log('ok')");
    expect(asset.headers.get("etag")).toBeTruthy();
    expect(asset.headers.get("last-modified")).toBeTruthy();
    expect((await client.get("/api/users")).json()).toEqual({ source: "api" });
  });

  it("keeps a path operation's own 404", async () => {
    const app = new FastAPI();
    app.get("/api/users", () => {
      throw new HTTPException(404, { detail: "api missing" });
    });
    app.frontend("/", { directory: "dist", fallback: "index.html", fs: site({ "index.html": "shell" }) });
    const response = await new TestClient(app).get("/api/users", { headers: html });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: "api missing" });
  });

  it("serves index.html to browser navigations only", async () => {
    const app = new FastAPI();
    app.frontend("/", { directory: "dist", fallback: "index.html", fs: site({ "index.html": "shell" }) });
    const client = new TestClient(app);
    expect((await client.get("/dashboard/settings", { headers: html })).text).toBe("shell");
    expect((await client.get("/dashboard/settings", { headers: { accept: "text/html; q=0.8" } })).text).toBe("shell");
    for (const accept of ["text/html; q=0", "text/html; q=0, */*; q=1", "application/xhtml+xml; q=0, */*; q=1"]) {
      expect((await client.get("/dashboard/settings", { headers: { accept } })).status).toBe(404);
    }
    for (const [path, accept] of [["/assets/missing.js", "*/*"], ["/assets/missing.css", "text/css"], ["/api/missing", "application/json"], ["/users/jane.doe", "text/html"]]) {
      const response = await client.get(path!, { headers: { accept: accept! } });
      expect(response.status).toBe(404);
      expect(response.json()).toEqual({ detail: "Not Found" });
    }
    expect((await client.post("/dashboard", { headers: html })).status).toBe(405);
  });

  it("auto: prefers 404.html (status 404), else index.html, else the normal 404", async () => {
    const both = new FastAPI();
    both.frontend("/", { directory: "dist", fs: site({ "index.html": "shell", "404.html": "missing" }) });
    const r1 = await new TestClient(both).get("/dashboard", { headers: html });
    expect([r1.status, r1.text]).toEqual([404, "missing"]);
    const missingAsset = await new TestClient(both).get("/assets/missing.js");
    expect([missingAsset.status, missingAsset.text]).toEqual([404, "missing"]);

    const shellOnly = new FastAPI();
    shellOnly.frontend("/", { directory: "dist", fs: site({ "index.html": "shell" }) });
    const r2 = await new TestClient(shellOnly).get("/dashboard", { headers: html });
    expect([r2.status, r2.text]).toEqual([200, "shell"]);

    const none = new FastAPI();
    none.frontend("/", { directory: "dist", fs: site({ "app.js": "" }) });
    const r3 = await new TestClient(none).get("/dashboard", { headers: html });
    expect([r3.status, r3.json()]).toEqual([404, { detail: "Not Found" }]);
  });

  it("fallback null answers the normal 404", async () => {
    const app = new FastAPI();
    app.frontend("/", { directory: "dist", fallback: null, fs: site({ "index.html": "shell" }) });
    const response = await new TestClient(app).get("/dashboard", { headers: html });
    expect([response.status, response.json()]).toEqual([404, { detail: "Not Found" }]);
  });

  it("redirects a folder to its trailing slash and serves its index.html", async () => {
    const app = new FastAPI();
    app.frontend("/", { directory: "dist", fs: site({ "about/index.html": "about" }) });
    const client = new TestClient(app, { followRedirects: false });
    const redirect = await client.get("/about");
    expect([redirect.status, redirect.headers.get("location")]).toEqual([307, "http://testserver/about/"]);
    expect((await client.get("/about/")).text).toBe("about");
  });

  it("matches its prefix by whole segments, the longest prefix first, and under routers' prefixes", async () => {
    const app = new FastAPI();
    app.frontend("/", { directory: "dist", fallback: "index.html", fs: site({ "index.html": "site" }) });
    app.frontend("/admin/", { directory: "admin", fallback: "index.html", fs: new MemoryFileSystem({ "admin/index.html": "admin" }) });
    const child = new APIRouter();
    child.frontend("/", { directory: "dist", fallback: "index.html", fs: site({ "index.html": "nested" }) });
    const parent = new APIRouter();
    parent.includeRouter(child, { prefix: "/child" });
    app.includeRouter(parent, { prefix: "/parent" });
    const client = new TestClient(app);
    expect((await client.get("/admin/settings", { headers: html })).text).toBe("admin");
    expect((await client.get("/administrator", { headers: html })).text).toBe("site");
    expect((await client.get("/parent/child/settings", { headers: html })).text).toBe("nested");
    expect(() => app.frontend("app", { directory: "dist", fs: site({}) })).toThrow("must start with '/'");
  });

  it("runs the app's and the router's dependencies, and stays out of OpenAPI", async () => {
    const seen: string[] = [];
    const app = new FastAPI({ dependencies: [Depends(() => void seen.push("app"))] });
    const router = new APIRouter({ dependencies: [Depends(() => void seen.push("router"))] });
    router.frontend("/", { directory: "dist", fs: site({ "a.txt": "a" }) });
    app.includeRouter(router, { prefix: "/app" });
    app.get("/api", () => ({ ok: true }));
    const client = new TestClient(app);
    expect((await client.get("/app/a.txt")).text).toBe("a");
    expect(seen).toEqual(["app", "router"]);
    expect(Object.keys((await client.get("/openapi.json")).json<{ paths: object }>().paths)).toEqual(["/api"]);
  });

  it("cannot be escaped with dot segments", async () => {
    const app = new FastAPI();
    app.frontend("/", { directory: "dist", fs: new MemoryFileSystem({ "dist/index.html": "app", "secret.txt": "secret" }) });
    const client = new TestClient(app);
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
      const response = await client.get(path);
      expect(response.status).toBe(404);
      expect(response.text).not.toBe("secret");
    }
  });

  it("reports a missing directory when the app starts, or on the first request with checkDir: false", async () => {
    const app = new FastAPI();
    app.frontend("/", { directory: "missing", fs: new MemoryFileSystem({}) });
    await expect(app.startup()).rejects.toThrow("does not exist");

    const late = new FastAPI();
    late.frontend("/", { directory: "missing", checkDir: false, fs: new MemoryFileSystem({}) });
    await late.startup();
    await expect(new TestClient(late).get("/asset.txt")).rejects.toThrow("does not exist");

    const noShell = new FastAPI();
    noShell.frontend("/", { directory: "dist", fallback: "index.html", fs: site({ "a.txt": "" }) });
    await expect(noShell.startup()).rejects.toThrow("index.html");
  });
});
