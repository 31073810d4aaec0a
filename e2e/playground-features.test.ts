// The playground's features, each as a reader meets them: share links, drafts, the request console,
// the log, the watchdog and the sandbox for untrusted code.
import type { Locator, Page } from "@playwright/test";
import { encodeProject } from "../playground/src/share/codec.ts";
import { expect, test } from "./fixtures.ts";
import { appendToEditor, editorLines, markCount, runStatus } from "./ui.ts";


async function sendRequest(page: Page, method: string, path: string): Promise<void> {
  await page.getByRole("tab", { name: "Request" }).click();
  await page.getByLabel("Method").selectOption(method);
  await page.getByLabel("Path and query").fill(path);
  await page.getByRole("button", { name: "Send" }).click();
}

const twoFiles = {
  "main.ts": 'import { FastAPI } from "fastapi-ts";\nimport { router } from "./routers/items.ts";\n\nexport const app = new FastAPI();\napp.includeRouter(router);\n',
  "routers/items.ts": 'import { APIRouter } from "fastapi-ts";\n\nexport const router = new APIRouter({ prefix: "/items" });\n\nrouter.get("/", async function read_items() {\n  return [{ name: "Portal Gun" }];\n});\n',
};

test("a multi-file project survives a share link round trip, and runs only after consent", async ({ page, context }) => {
  await page.goto(`/playground#code=${await encodeProject({ files: twoFiles })}`);
  await expect(page.getByTestId("consent")).toBeVisible();
  await expect(runStatus(page)).toHaveAttribute("data-status", "waiting");
  await expect(page.getByRole("tab", { name: "routers/items.ts" })).toBeVisible();

  await page.getByRole("button", { name: "Run this code" }).click();
  // The first in-browser build starts esbuild-wasm: give a loaded machine time.
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await sendRequest(page, "GET", "/items/");
  await expect(page.getByTestId("console-body")).toContainText('"name": "Portal Gun"');

  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/playground#code=v1\./);

  const other = await context.newPage();
  await other.goto(link);
  await other.getByRole("tab", { name: "routers/items.ts" }).click();
  await expect(editorLines(other)).toContainText("Portal Gun", { timeout: 30_000 });
  await other.getByRole("tab", { name: "main.ts" }).click();
  await expect(editorLines(other)).toContainText("app.includeRouter(router)");
});

test("a damaged link says so and loses nothing the reader had", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(page, "// my work in progress\n");
  await expect(editorLines(page)).toContainText("my work in progress");

  await page.goto("/playground#code=v1.q1ZKy8xJLVayqlbKTczM0yspVrJSSq0oyC8qUUjOz");
  await expect(page.getByTestId("notice")).toContainText("incomplete or damaged");
  await expect(editorLines(page)).toContainText("my work in progress", { timeout: 30_000 });
});

test("a reload keeps an edit; Reset returns to the original", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(page, 'app.get("/kept", async function kept() { return { kept: true }; });\n');
  await expect(page.getByTestId("swagger-pane").getByText("/kept")).toBeVisible({ timeout: 15_000 });

  await page.reload();
  await expect(editorLines(page)).toContainText('app.get("/kept"', { timeout: 30_000 });
  await expect(page.getByTestId("swagger-pane").getByText("/kept")).toBeVisible({ timeout: 30_000 });
  // The kept draft ran from the bundle made before the reload (executor/build-memo.ts), without a build.
  expect(await markCount(page, "compiler:build")).toBe(0);

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(editorLines(page)).not.toContainText('app.get("/kept"');
  await page.reload();
  await expect(editorLines(page)).not.toContainText('app.get("/kept"', { timeout: 30_000 });
});

test("a reload the instant after typing keeps what was typed (the draft is written as the page is left)", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  // Drafts are written once the typing pauses: a reload sooner than that must not lose the last keystrokes.
  await appendToEditor(page, "// typed just before the reload\n");
  await page.reload();
  await expect(editorLines(page)).toContainText("typed just before the reload", { timeout: 30_000 });
});

test("the request console and the log show what the app did", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(
    page,
    'import { z } from "zod";\napp.get("/hello/{name}", { params: { name: z.string() } }, async function hello({ name }) { console.log("saying hello to", name); return { hello: name }; });\n',
  );
  await expect(page.getByTestId("swagger-pane").getByText("/hello/{name}")).toBeVisible({ timeout: 15_000 });

  await sendRequest(page, "GET", "/hello/ada");
  await expect(page.getByTestId("console-status")).toHaveText("200");
  await expect(page.getByTestId("console-body")).toHaveText('{\n  "hello": "ada"\n}');
  await sendRequest(page, "GET", "/nope");
  await expect(page.getByTestId("console-status")).toHaveText("404");
  await expect(page.getByTestId("console-body")).toContainText('"detail": "Not Found"');

  await page.getByRole("tab", { name: /^Log/ }).click();
  await expect(page.getByTestId("log-lines")).toContainText("saying hello to ada");
});

test("an endless loop is stopped by the watchdog and the next edit runs a fresh app", async ({ page }) => {
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await appendToEditor(page, 'app.get("/spin", async function spin() { while (true) {} });\n');
  await expect(page.getByTestId("swagger-pane").getByText("/spin")).toBeVisible({ timeout: 15_000 });

  const started = Date.now();
  await sendRequest(page, "GET", "/spin");
  await expect(page.getByTestId("problems")).toContainText("stopped responding", { timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(8_000);
  await expect(runStatus(page)).toHaveAttribute("data-status", "error");

  await appendToEditor(page, 'app.get("/after", async function after() { return { fresh: true }; });\n');
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await sendRequest(page, "GET", "/after");
  await expect(page.getByTestId("console-body")).toContainText('"fresh": true');
});

test.describe("with the site's service worker running", () => {
  // The offline copy's worker must stay out of the sandbox's reach too (the rest of the suite blocks it).
  test.use({ serviceWorkers: "allow" });

  test("hostile code from a link cannot read the site's storage or act as the site", async ({ page }) => {
    await page.goto("/playground");
    // The site's service worker controls the page once it has saved the site (it registers when the page is idle).
    test.setTimeout(240_000);
    await expect(page.getByTestId("offline-status")).toHaveAttribute("data-offline-state", "ready", { timeout: 180_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.evaluate(() => {
      localStorage.setItem("site-secret", "s3cret");
      return new Promise<void>((resolve) => {
        const open = indexedDB.open("site-db", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("kv");
        open.onsuccess = () => {
          open.result.transaction("kv", "readwrite").objectStore("kv").put("s3cret", "k");
          resolve();
        };
      });
    });
    const hostile = `import { FastAPI } from "fastapi-ts";
export const app = new FastAPI();
const attempt = async (what: string, fn: () => unknown) => {
  try { console.log(what, "READ", JSON.stringify(await fn())); } catch (e) { console.log(what, "BLOCKED", String(e).slice(0, 80)); }
};
await attempt("localStorage", () => (globalThis as any).localStorage.getItem("site-secret"));
await attempt("parent", () => (globalThis as any).parent.localStorage.getItem("site-secret"));
await attempt("indexedDB", () => new Promise((ok, no) => { const r = indexedDB.open("site-db"); r.onsuccess = () => ok(r.result.objectStoreNames.length); r.onerror = () => no(r.error); }));
await attempt("caches", () => caches.keys());
await attempt("fetch", () => fetch("/playground").then((r) => r.status));
await attempt("serviceWorker", () => (navigator as any).serviceWorker.getRegistrations());
new BroadcastChannel("fastapi-ts").postMessage("hi from hostile code");
console.log("done probing");
`;
    const heard: string[] = [];
    await page.exposeFunction("heard", (m: string) => heard.push(m));
    await page.evaluate(() => {
      new BroadcastChannel("fastapi-ts").onmessage = (e) => (window as unknown as { heard: (m: string) => void }).heard(String(e.data));
    });
    await page.goto(`/playground#code=${await encodeProject({ files: { "main.ts": hostile } })}`);
    await page.getByRole("button", { name: "Run this code" }).click();
    await page.getByRole("tab", { name: /^Log/ }).click();
    const log = page.getByTestId("log-lines");
    await expect(log).toContainText("done probing", { timeout: 30_000 });
    for (const what of ["localStorage", "parent", "indexedDB", "caches", "fetch", "serviceWorker"]) {
      await expect(log).toContainText(`${what} BLOCKED`);
    }
    await expect(log).not.toContainText("s3cret");
    expect(heard).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("site-secret"))).toBe("s3cret");
  });
});

/** Opens an example in the playground, waits for its app, and runs its tests in the Tests pane. */
async function runExampleTests(page: Page, example: string): Promise<Locator> {
  await page.goto(`/playground#example=${example}`);
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Tests" }).click();
  const pane = page.getByTestId("tests-pane");
  await pane.getByRole("button", { name: "Run tests" }).click();
  return pane;
}

test("an example that writes log.txt to its working directory passes its tests in the page, which has no disk", async ({ page }) => {
  // workingDirectory() is the disk on a server; here it must fall back to memory, shared by the app and its tests.
  const pane = await runExampleTests(page, "background_tasks/tutorial002");
  await expect(pane.getByTestId("tests-summary")).toHaveText("3 passed, 0 failed", { timeout: 30_000 });
});

test("the Tests pane runs main.test.ts in the page: passing, then failing with a diff", async ({ page }) => {
  const pane = await runExampleTests(page, "first_steps/tutorial001");
  await expect(pane.getByTestId("tests-summary")).toHaveText(/^[1-9]\d* passed, 0 failed$/, { timeout: 30_000 });

  // Break the app: the test that reads GET / now fails, and shows what differs.
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
  await editorLines(page).getByText("Hello World").click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await page.keyboard.insertText('return { message: "Hello Moon" };');
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await pane.getByRole("button", { name: "Run tests" }).click();
  await expect(pane.getByTestId("tests-summary")).toHaveText(/^\d+ passed, [1-9]\d* failed$/, { timeout: 30_000 });
  const failed = pane.locator('[data-testid="test-result"][data-status="fail"]').first();
  await expect(failed.getByTestId("test-diff")).toContainText("Hello World");
  await expect(failed.getByTestId("test-diff")).toContainText("Hello Moon");
  // The failing assertion's line in the reader's main.test.ts, and its stack mapped there.
  await expect(failed.getByTestId("test-location")).toHaveText(/^main\.test\.ts:12:\d+$/);
  await expect(failed.locator("pre.line")).toHaveText('expect(response.json()).toEqual({ message: "Hello World" });');
  await expect(failed.getByTestId("test-stack")).toContainText("main.test.ts:12:", { useInnerText: false });
  await expect(pane.locator('[data-testid="test-result"][data-status="pass"]').first()).toBeVisible();
});

test("Swagger UI's Authorize logs in against the app's own token endpoint, then calls a protected operation", async ({ page }) => {
  await page.goto("/playground#example=security/tutorial003");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  const swaggerPane = page.getByTestId("swagger-pane");

  // Without a token the protected operation answers 401.
  const me = swaggerPane.locator(".opblock-get").filter({ hasText: "/users/me" });
  await me.locator(".opblock-summary").click();
  await me.getByRole("button", { name: "Try it out" }).click();
  await me.getByRole("button", { name: "Execute" }).click();
  await expect(me.locator(".live-responses-table tbody .response-col_status").first()).toContainText("401");

  await swaggerPane.locator(".auth-wrapper .authorize").click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  await dialog.locator("#oauth_username").fill("johndoe");
  await dialog.locator("#oauth_password").fill("secret");
  await dialog.getByRole("button", { name: "Apply given OAuth2 credentials" }).click();
  // The token came from the app's POST /token: the dialog now offers to log out.
  await expect(dialog.getByRole("button", { name: /logout|remove/i })).toBeVisible();
  await expect(dialog.getByRole("heading", { name: /^OAuth2PasswordBearer \(OAuth2, password\)/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();

  await me.getByRole("button", { name: "Execute" }).click();
  await expect(me.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");
  await expect(me.locator(".responses-wrapper .live-responses-table .response-col_description pre").first()).toContainText('"username": "johndoe"');
});

test("an embed shows a live example without the site's chrome; a shared project in an embed waits for consent", async ({ page }) => {
  await page.goto("/embed#example=query_params/tutorial001&panes=swagger,request");
  await expect(page.locator(".site-header")).toHaveCount(0);
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(page.getByRole("tablist", { name: "Panes" }).getByRole("tab")).toHaveText(["Swagger UI", "Request"]);
  await expect(page.getByTestId("swagger-pane").getByText("/items/")).toBeVisible({ timeout: 30_000 });

  // The playground's Share gives an embed snippet; the snippet's page runs the project only on consent.
  await page.goto("/playground");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("button", { name: "Share" }).click();
  const snippet = await page.getByTestId("embed-snippet").inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1];
  expect(src).toMatch(/\/embed#code=v1\..*&panes=swagger,request$/);
  await page.goto(src!);
  await expect(page.getByTestId("consent")).toBeVisible();
  await page.getByRole("button", { name: "Run this code" }).click();
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
});

test("a live example renders a template in the sandbox, where Nunjucks compiles it at run time", async ({ page }) => {
  await page.goto("/advanced/templates");
  const example = page.locator('[data-testid="live-example"][data-example-name="templates/tutorial001"]');
  await example.getByRole("button", { name: /^Run/ }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await example.getByRole("tab", { name: "Request" }).click();
  await example.getByLabel("Method").selectOption("GET");
  await example.getByLabel("Path and query").fill("/items/foo");
  await example.getByRole("button", { name: "Send" }).click();
  await expect(example.getByTestId("console-status")).toHaveText("200");
  await expect(example.getByTestId("console-body")).toContainText("Item ID: foo</a></h1>");
});

test("JWT examples sign and verify tokens in the page: the sandboxed worker has crypto.subtle", async ({ page }) => {
  test.slow();
  await page.goto("/playground#example=security/tutorial004");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await page.getByRole("tab", { name: "Tests" }).click();
  const pane = page.getByTestId("tests-pane");
  await pane.getByRole("button", { name: "Run tests" }).click();
  // Logging in (jose signs a token) and reading /users/me (jose verifies it) both pass.
  await expect(pane.getByTestId("tests-summary")).toHaveText(/^[1-9]\d* passed, 0 failed$/, { timeout: 90_000 });
});
