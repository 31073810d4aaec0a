import { mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Depends, FastAPI, FileResponse, SettingsError, StreamingResponse, TestClient, loadSettings, parseDotenv, settings } from "../src/index.ts";
import { withServer } from "./helpers.ts";

describe("streaming", () => {
  it("streams text, bytes and JSON lines from async iterables", async () => {
    const app = new FastAPI();
    app.get("/text", async function text() {
      return new StreamingResponse((async function* () { for (let i = 0; i < 3; i++) yield `some fake video bytes ${i}\n`; })(), { mediaType: "text/plain" });
    });
    app.get("/bytes", async function bytes() { return new StreamingResponse([new Uint8Array([1, 2]), new Uint8Array([3])], { mediaType: "application/octet-stream" }); });
    app.get("/jsonl", async function jsonl() {
      return new StreamingResponse((async function* () { for (const item of [{ id: 1 }, { id: 2 }]) yield `${JSON.stringify(item)}\n`; })(), { mediaType: "application/x-ndjson" });
    });
    const client = new TestClient(app);
    expect((await client.get("/text")).text).toBe("some fake video bytes 0\nsome fake video bytes 1\nsome fake video bytes 2\n");
    expect([...(await client.get("/bytes")).content]).toEqual([1, 2, 3]);
    const lines = (await client.get("/jsonl")).text.trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("FileResponse sends a file with content disposition, length and ranges", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fastapi-ts-file-"));
    const path = join(dir, "report.csv");
    writeFileSync(path, "a,b\n1,2\n");
    const app = new FastAPI();
    app.get("/download", async function download() { return new FileResponse(path, { filename: "résumé.csv" }); });
    app.get("/inline", async function inline() { return new FileResponse(path, { filename: "report.csv", contentDispositionType: "inline" }); });
    const client = new TestClient(app);
    const r = await client.get("/download");
    expect([r.text, r.headers.get("content-type"), r.headers.get("content-length"), r.headers.get("accept-ranges")]).toEqual(["a,b\n1,2\n", "text/csv; charset=utf-8", "8", "bytes"]);
    expect(r.headers.get("content-disposition")).toBe("attachment; filename*=utf-8''r%C3%A9sum%C3%A9.csv");
    expect((await client.get("/inline")).headers.get("content-disposition")).toBe('inline; filename="report.csv"');
    expect((await client.get("/download", { headers: { range: "bytes=4-" } })).text).toBe("1,2\n");
    await withServer(app, async (base) => {
      const res = await fetch(`${base}/download`, { headers: { range: "bytes=0-2" } });
      expect([res.status, await res.text()]).toEqual([206, "a,b"]);
    });
  });

  it("stops the stream when the client disconnects (Node adapter)", async () => {
    let produced = 0;
    let finished = false;
    const app = new FastAPI();
    app.get("/forever", async function forever() {
      return new StreamingResponse((async function* () {
        try {
          for (;;) {
            produced++;
            yield "tick\n".repeat(1000);
            await new Promise((r) => setTimeout(r, 5));
          }
        } finally {
          finished = true;
        }
      })(), { mediaType: "text/plain" });
    });
    await withServer(app, async (base) => {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${base}/forever`, (res) => {
          res.once("data", () => {
            req.destroy();
            resolve();
          });
        });
        req.on("error", () => {});
        req.once("error", reject);
        req.end();
      });
      await vi.waitFor(() => expect(finished).toBe(true));
      const at = produced;
      await new Promise((r) => setTimeout(r, 50));
      expect(produced).toBe(at);
    });
  });
});

describe("settings", () => {
  const Settings = z.object({ app_name: z.string().default("Awesome API"), admin_email: z.string(), items_per_user: z.int().default(50), debug: z.boolean().default(false), tags: z.array(z.string()).default([]) });

  it("reads the environment (case-insensitive, prefixed), then the .env file, then defaults; coerces by type", () => {
    const s = loadSettings(Settings, {
      env: { ADMIN_EMAIL: "deadpool@example.com", ITEMS_PER_USER: "7", DEBUG: "yes", TAGS: '["a","b"]' },
      dotenv: "# comment\nAPP_NAME='From dotenv'\nADMIN_EMAIL=ignored@example.com\n",
    });
    expect(s).toEqual({ app_name: "From dotenv", admin_email: "deadpool@example.com", items_per_user: 7, debug: true, tags: ["a", "b"] });
    const prefixed = loadSettings(Settings, { envPrefix: "MYAPP_", env: { MYAPP_ADMIN_EMAIL: "x@y.z", ADMIN_EMAIL: "no" } });
    expect(prefixed.admin_email).toBe("x@y.z");
    expect(parseDotenv('export A="line\\nbreak"\nB=plain # trailing\n')).toEqual({ A: "line\nbreak", B: "plain" });
    let err: unknown;
    try { loadSettings(Settings, { env: { ITEMS_PER_USER: "many" } }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SettingsError);
    expect((err as SettingsError).errors().map((e) => [e.type, e.loc])).toEqual([["missing", ["admin_email"]], ["int_parsing", ["items_per_user"]]]);
  });

  it("reads a .env file from disk, is cached as a dependency and overridable in tests", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fastapi-ts-env-"));
    writeFileSync(join(dir, ".env"), "ADMIN_EMAIL=file@example.com\nAPP_NAME=Env App\n");
    const getSettings = settings(Settings, { envFile: join(dir, ".env"), env: {} });
    const app = new FastAPI();
    app.get("/info", { params: { s: Depends(getSettings) } }, async function info({ s }) {
      return { app_name: s.app_name, admin_email: s.admin_email, items_per_user: s.items_per_user };
    });
    const client = new TestClient(app);
    expect((await client.get("/info")).json()).toEqual({ app_name: "Env App", admin_email: "file@example.com", items_per_user: 50 });
    expect(getSettings()).toBe(getSettings());
    // Given both, the file's values win over the `dotenv` stand-in, which fills only what the file lacks.
    const both = loadSettings(Settings, { envFile: join(dir, ".env"), dotenv: "ADMIN_EMAIL=stand-in@example.com\nITEMS_PER_USER=7", env: {} });
    expect(both).toMatchObject({ app_name: "Env App", admin_email: "file@example.com", items_per_user: 7 });
    expect(loadSettings(Settings, { envFile: join(dir, "missing.env"), dotenv: "ADMIN_EMAIL=stand-in@example.com", env: {} }).admin_email).toBe("stand-in@example.com");
    app.dependencyOverrides.set(getSettings, () => ({ ...getSettings(), admin_email: "testing_admin@example.com" }));
    expect(((await client.get("/info")).json() as { admin_email: string }).admin_email).toBe("testing_admin@example.com");
  });

  it("conditional OpenAPI from settings", async () => {
    const OpenAPISettings = z.object({ openapi_url: z.string().default("/openapi.json") });
    const s = loadSettings(OpenAPISettings, { env: { OPENAPI_URL: "" } });
    const app = new FastAPI({ openapiUrl: s.openapi_url || null });
    app.get("/", async function root() { return { message: "Hello World" }; });
    const client = new TestClient(app);
    expect((await client.get("/openapi.json")).status).toBe(404);
    expect((await client.get("/docs")).status).toBe(404);
    expect((await client.get("/")).json()).toEqual({ message: "Hello World" });
  });
});
