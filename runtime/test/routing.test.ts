import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIRouter, FastAPI, Path, TestClient } from "../src/index.ts";
import { withServer } from "./helpers.ts";

function makeApp(): FastAPI {
  const app = new FastAPI();
  app.get("/items/", async function read_items() { return ["a"]; });
  app.post("/items/", async function create_item() { return "created"; });
  app.get("/users/me", async function read_user_me() { return { user_id: "the current user" }; });
  app.get("/users/{user_id}", { params: { user_id: z.string() } }, async function read_user({ user_id }) { return { user_id }; });
  app.get("/files/{file_path:path}", { params: { file_path: Path(z.string()) } }, async function read_file({ file_path }) { return { file_path }; });
  app.apiRoute("/multi", { methods: ["GET", "POST"] }, async function multi() { return "multi"; });
  app.apiRoute("/both", { methods: ["GET", "HEAD"] }, async function both() { return "both"; });
  for (const m of ["put", "patch", "delete", "options", "trace"] as const) {
    app[m]("/verbs", async function verbs() { return m; });
  }
  return app;
}

describe("path operations", () => {
  const client = new TestClient(makeApp());

  it("matches in declaration order (/users/me before /users/{user_id})", async () => {
    expect((await client.get("/users/me")).json()).toEqual({ user_id: "the current user" });
    expect((await client.get("/users/42")).json()).toEqual({ user_id: "42" });
  });

  it("decodes path parameters and supports {name:path}", async () => {
    expect((await client.get("/users/a%20b")).json()).toEqual({ user_id: "a b" });
    expect((await client.get("/files//home/johndoe/myfile.txt")).json()).toEqual({ file_path: "/home/johndoe/myfile.txt" });
  });

  it("answers 404 and 405 as FastAPI", async () => {
    const nf = await client.get("/nope");
    expect(nf.status).toBe(404);
    expect(nf.json()).toEqual({ detail: "Not Found" });
    const na = await client.delete("/users/me");
    expect(na.status).toBe(405);
    expect(na.json()).toEqual({ detail: "Method Not Allowed" });
    expect(na.headers.get("allow")).toBe("GET");
  });

  it("does not redirect a path ending in several slashes (Starlette strips them all, then finds nothing)", async () => {
    for (const path of ["/items//", "/items///"]) {
      const r = await client.get(path, { followRedirects: false });
      expect([path, r.status, r.json()]).toEqual([path, 404, { detail: "Not Found" }]);
    }
    const stripped = await client.get("/users/me//", { followRedirects: false });
    expect([stripped.status, new URL(stripped.headers.get("location")!).pathname]).toEqual([307, "/users/me"]);
  });

  it("redirects a missing or extra trailing slash with 307", async () => {
    const r = await client.get("/items?x=1", { followRedirects: false });
    expect(r.status).toBe(307);
    expect(r.headers.get("location")).toBe("http://testserver/items/?x=1");
    const followed = await client.get("/items");
    expect(followed.status).toBe(200);
    expect(followed.json()).toEqual(["a"]);
    expect(followed.history.map((h) => h.status)).toEqual([307]);
    const extra = await client.get("/users/me/", { followRedirects: false });
    expect(extra.status).toBe(307);
    expect(extra.headers.get("location")).toBe("http://testserver/users/me");
    const post = await client.post("/items");
    expect(post.json()).toBe("created");
  });

  it("answers HEAD only where it is declared, as FastAPI (its path operations get no automatic HEAD)", async () => {
    const r = await client.head("/items/");
    expect([r.status, r.headers.get("allow")]).toEqual([405, "GET"]);
    const declared = await client.head("/both");
    expect([declared.status, declared.text, declared.headers.get("content-type")]).toEqual([200, "", "application/json"]);
    expect((await client.get("/both")).json()).toBe("both");
    const docs = await client.head("/openapi.json");
    expect([docs.status, docs.text]).toEqual([200, ""]);
    const paths = (await client.get("/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(paths.paths["/both"]!)).toEqual(["get", "head"]);
  });

  it("supports every method and apiRoute", async () => {
    for (const m of ["put", "patch", "delete", "options"] as const) expect((await client[m]("/verbs")).json()).toBe(m);
    expect((await client.request("TRACE", "/verbs")).json()).toBe("trace");
    expect((await client.get("/multi")).json()).toBe("multi");
    expect((await client.post("/multi")).json()).toBe("multi");
    expect((await client.put("/multi")).status).toBe(405);
  });

  it("includes routers with prefixes and tags", async () => {
    const app = new FastAPI();
    const router = new APIRouter({ prefix: "/users", tags: ["users"] });
    router.get("/", async function read_users() { return [{ username: "Rick" }]; });
    router.get("/{username}", { params: { username: z.string() } }, async function read_user({ username }) { return { username }; });
    app.includeRouter(router, { prefix: "/v1", tags: ["v1"], responses: { 418: { description: "I'm a teapot" } } });
    const c = new TestClient(app);
    expect((await c.get("/v1/users/")).json()).toEqual([{ username: "Rick" }]);
    expect((await c.get("/v1/users/rick")).json()).toEqual({ username: "rick" });
    const op = app.openapi().paths["/v1/users/{username}"]!.get as Record<string, unknown>;
    expect(op.tags).toEqual(["v1", "users"]);
    expect(op.operationId).toBe("read_user_v1_users__username__get");
    expect(Object.keys(op.responses as object)).toEqual(["200", "418", "422"]);
  });

  it("behaves the same on a real Node server", async () => {
    await withServer(makeApp(), async (base) => {
      const nf = await fetch(`${base}/nope`);
      expect(nf.status).toBe(404);
      expect(await nf.json()).toEqual({ detail: "Not Found" });
      const na = await fetch(`${base}/users/me`, { method: "DELETE" });
      expect(na.status).toBe(405);
      expect(na.headers.get("allow")).toBe("GET");
      const redirect = await fetch(`${base}/items`, { redirect: "manual" });
      expect(redirect.status).toBe(307);
      expect(redirect.headers.get("location")).toBe(`${base}/items/`);
      expect(await (await fetch(`${base}/files//etc/x`)).json()).toEqual({ file_path: "/etc/x" });
    });
  });
});
