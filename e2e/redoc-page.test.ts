// The runtime's ReDoc page (`getRedocHtml`, served at /redoc) in a real browser, from a real server: with the ReDoc 3
// module the package serves, and with ReDoc 2's classic script, which FastAPI's page loads and FastAPI's docs have
// readers download for self-hosting. A FastAPI app ported with its `redoc_js_url` must still render.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect } from "@playwright/test";
import { z } from "zod";
import { FastAPI, HTMLResponse, Response, getRedocHtml } from "../runtime/src/index.ts";
import { serve, type RunningServer } from "../runtime/src/node/index.ts";
import { foreignRequestsOf, pageErrorsOf } from "./fixtures.ts";

/** ReDoc 2's standalone bundle, from the registry's tarball (cached): a dev dependency would pull React and more. */
function redoc2Bundle(): string {
  const dir = fileURLToPath(new URL("../node_modules/.cache/redoc2/", import.meta.url));
  const file = join(dir, "package/bundles/redoc.standalone.js");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync("npm", ["pack", "redoc@2.5.4", "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").at(-1)!;
    execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir, "package/bundles/redoc.standalone.js"]);
  }
  return readFileSync(file, "utf8");
}

const app = new FastAPI({ title: "Ported app", redocUrl: null });
app.get("/users/{username}", { params: { username: z.string() } }, async function read_user({ username }) {
  return { message: `Hello ${username}` };
});
const pages = {
  "/redoc": {},
  "/redoc-2": { redocJsUrl: "/static/redoc2.standalone.js" },
};
for (const [path, options] of Object.entries(pages)) {
  app.get(path, { includeInSchema: false }, function redoc_html() {
    return new HTMLResponse(getRedocHtml({ openapiUrl: "/openapi.json", title: "Ported app - ReDoc", ...options }));
  });
}

let bundle: string | undefined;
app.get("/static/redoc2.standalone.js", { includeInSchema: false }, function redoc2() {
  return new Response((bundle ??= redoc2Bundle()), { headers: { "content-type": "text/javascript; charset=utf-8" } });
});

// One server for the file's tests (a worker's), as a deployment serves every page.
const test = base.extend<object, { server: RunningServer }>({
  server: [
    async ({}, use) => {
      const server = await serve(app, { host: "127.0.0.1", port: 0 });
      await use(server);
      await server.close();
    },
    { scope: "worker" },
  ],
});
test.describe.configure({ timeout: 120_000 });

const versions = [
  { path: "/redoc", version: "ReDoc 3, the module the package serves", leaves: [] },
  // ReDoc 2 shows its logo from its makers' CDN: the reader's bundle, not the page (the package's ReDoc 3 has it inline).
  { path: "/redoc-2", version: "ReDoc 2's classic script, as FastAPI loads it", leaves: ["https://cdn.redoc.ly/redoc/logo-mini.svg"] },
];
for (const { path, version, leaves } of versions) {
  test(`${path} renders the document with ${version}`, async ({ page, context, server }) => {
    const foreign = foreignRequestsOf(context, server.url);
    const errors = pageErrorsOf(context);
    await page.goto(`${server.url}${path}`);
    await expect(page.getByRole("heading", { name: /Ported app/ }).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 2, name: /Read User/ })).toBeVisible();
    expect(errors, "exceptions left uncaught by the page").toEqual([]);
    expect(foreign, "requests that left the server").toEqual(leaves);
  });
}
