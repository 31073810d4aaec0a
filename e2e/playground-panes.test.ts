// The playground's WebSocket console and browser pane, as a reader uses them: a socket to the app in
// the page, and pages the app serves (its own /docs, HTML with links and forms, a page whose script
// opens a websocket) shown in a sandboxed frame with no network of its own.
import { encodeProject } from "../playground/src/share/codec.ts";
import { expect, test } from "./fixtures.ts";
import { runStatus } from "./ui.ts";


// A first run, then pages rendered in a frame: generous on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("the WebSocket console echoes through the app, shows close codes, and a refused handshake", async ({ page }) => {
  await page.goto("/playground#example=websockets/tutorial001");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("tab", { name: "WebSocket" }).click();
  // The app's websocket path is offered without typing it.
  await expect(page.getByLabel("WebSocket path")).toHaveValue("/ws");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByTestId("ws-state")).toHaveAttribute("data-state", "open");

  await page.getByLabel("Message").fill("hello");
  await page.getByLabel("Message").press("Enter");
  const log = page.getByTestId("ws-log");
  await expect(log.locator("li.sent")).toHaveText(/hello$/);
  await expect(log.locator("li.received")).toHaveText(/Message text was: hello$/);

  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByTestId("ws-state")).toHaveAttribute("data-state", "closed");
  await expect(log).toContainText("Closed with code 1000");

  // No endpoint at this path: the app closes the handshake, which a browser sees as 1006.
  await page.getByLabel("WebSocket path").fill("/nowhere");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(log).toContainText("Closed with code 1006: The app refused the handshake (HTTP 403");
});

test("the browser pane runs the app's chat page, whose script opens a websocket to the app", async ({ page }) => {
  await page.goto("/playground#example=websockets/tutorial001");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Browser" }).click();
  const frame = page.frameLocator('[data-testid="browser-frame"]');
  await expect(frame.getByRole("heading", { name: "WebSocket Chat" })).toBeVisible({ timeout: 30_000 });
  // The page connects to ws://localhost:8000/ws, as written for a local server: the pane sends it to the app.
  await frame.locator("#messageText").fill("from the page");
  await frame.getByRole("button", { name: "Send" }).click();
  await expect(frame.locator("#messages li")).toHaveText(["Message text was: from the page"]);
});

test("the browser pane shows the app's own /docs, with Swagger UI reading the app's OpenAPI", async ({ page }) => {
  await page.goto("/playground#example=first_steps/tutorial001");
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Browser" }).click();
  await page.getByLabel("Address").fill("/docs");
  await page.getByLabel("Address").press("Enter");
  const frame = page.frameLocator('[data-testid="browser-frame"]');
  // The operation list comes from /openapi.json, fetched by Swagger UI inside the frame.
  await expect(frame.locator(".opblock-summary-path").first()).toHaveText("/", { timeout: 30_000 });
  await expect(page.getByTestId("browser-status")).toHaveText("200");
});

const site = {
  "main.ts": `import { FastAPI, Form, HTMLResponse, RedirectResponse } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();
const notes: string[] = [];

app.get("/", async function home() {
  const items = notes.map((note) => \`<li>\${note}</li>\`).join("");
  return new HTMLResponse(\`<h1>Notes</h1><ul id="notes">\${items}</ul>
<form method="post" action="/notes"><input name="note" aria-label="Note"><button>Add</button></form>
<a href="/about">About</a>
<script>fetch("/count").then((r) => r.json()).then((c) => { document.body.dataset.count = c.count; });</script>\`);
});

app.get("/about", async function about() {
  return new HTMLResponse('<h1>About</h1><a href="/">Home</a>');
});

app.get("/count", async function count() {
  return { count: notes.length };
});

app.post("/notes", { params: { note: Form(z.string()) } }, async function add({ note }) {
  notes.push(note);
  return new RedirectResponse("/", { statusCode: 303 });
});
`,
};

test("the browser pane follows links, posts forms through redirects, and answers the page's fetches", async ({ page }) => {
  await page.goto(`/playground#code=${await encodeProject({ files: site })}`);
  await page.getByRole("button", { name: "Run this code" }).click();
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await page.getByRole("tab", { name: "Browser" }).click();
  const frame = page.frameLocator('[data-testid="browser-frame"]');
  await expect(frame.getByRole("heading", { name: "Notes" })).toBeVisible({ timeout: 30_000 });
  await expect(frame.locator("body")).toHaveAttribute("data-count", "0");

  await frame.getByLabel("Note").fill("buy milk");
  await frame.getByRole("button", { name: "Add" }).click();
  // POST /notes answered 303 → GET /: the list shows the note, and the page's fetch sees it.
  await expect(frame.locator("#notes li")).toHaveText(["buy milk"]);
  await expect(frame.locator("body")).toHaveAttribute("data-count", "1");
  await expect(page.getByLabel("Address")).toHaveValue("/");

  await frame.getByRole("link", { name: "About" }).click();
  await expect(frame.getByRole("heading", { name: "About" })).toBeVisible();
  await expect(page.getByLabel("Address")).toHaveValue("/about");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(frame.getByRole("heading", { name: "Notes" })).toBeVisible();
});

test("a page asked for while another loads wins, and what the reader typed is kept", async ({ page }) => {
  // "/" answers only when /release is asked for: the test decides when the slow page arrives.
  const slowHome = {
    "main.ts": `import { FastAPI, HTMLResponse } from "fastapi-ts";

export const app = new FastAPI();
let release = () => {};
let released = new Promise<void>((resolve) => (release = resolve));

app.get("/", async function home() {
  await released;
  return new HTMLResponse("<h1>Slow home</h1>");
});

app.get("/release", async function releaseHome() {
  release();
  released = new Promise<void>((resolve) => (release = resolve));
  return { released: true };
});

app.get("/fast", async function fast() {
  return new HTMLResponse("<h1>Fast page</h1>");
});
`,
  };
  const releaseHome = async () => {
    await page.getByRole("tab", { name: "Request" }).click();
    await page.getByLabel("Path and query").fill("/release");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("console-status")).toHaveText("200");
    await page.getByRole("tab", { name: "Browser" }).click();
  };
  await page.goto(`/playground#code=${await encodeProject({ files: slowHome })}`);
  await page.getByRole("button", { name: "Run this code" }).click();
  await expect(runStatus(page)).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  // Opening the pane starts loading "/"; the reader goes elsewhere before it answers.
  await page.getByRole("tab", { name: "Browser" }).click();
  await expect(page.getByTestId("browser-status")).toHaveText("Loading…");
  await page.getByLabel("Address").fill("/fast");
  await page.getByLabel("Address").press("Enter");
  const frame = page.frameLocator('[data-testid="browser-frame"]');
  await expect(frame.getByRole("heading", { name: "Fast page" })).toBeVisible({ timeout: 30_000 });
  // Now "/" answers: it must not replace the page or the address.
  await releaseHome();
  await page.waitForTimeout(1000);
  await expect(frame.getByRole("heading", { name: "Fast page" })).toBeVisible();
  await expect(page.getByLabel("Address")).toHaveValue("/fast");
  await expect(page.getByTestId("browser-status")).toHaveText("200");

  // Typing while a page loads: the page arrives, and the address stays as typed.
  await page.getByLabel("Address").fill("/");
  await page.getByLabel("Address").press("Enter");
  await expect(page.getByTestId("browser-status")).toHaveText("Loading…");
  await page.getByLabel("Address").fill("/half-typ");
  await releaseHome();
  await expect(frame.getByRole("heading", { name: "Slow home" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Address")).toHaveValue("/half-typ");
});
