// The database pages' examples run SQLite (sql.js, WebAssembly) inside the sandboxed app worker, which
// cannot fetch: the page hands it the wasm. These tests prove a live example stores a row and reads it
// back, and that the testing page's tests, with their own database per test, pass in the page.
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/** Sends a request from the example's request console and returns the status and the parsed body. */
async function send(example: Locator, method: string, path: string, body?: unknown): Promise<{ status: string; json: unknown }> {
  await example.getByRole("tab", { name: "Request" }).click();
  await example.getByLabel("Method").selectOption(method);
  await example.getByLabel("Path and query").fill(path);
  if (body !== undefined) {
    const details = example.locator("details", { hasText: "Headers and body" });
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
    await example.getByLabel("Body").fill(JSON.stringify(body));
  }
  const previous = (await example.getByTestId("console-response").count()) ? await example.getByTestId("console-body").innerText() : null;
  await example.getByRole("button", { name: "Send" }).click();
  // Wait for this answer, not the one already on screen.
  if (previous !== null) await expect(example.getByTestId("console-body")).not.toHaveText(previous);
  const status = (await example.getByTestId("console-status").textContent()) ?? "";
  return { status, json: JSON.parse(await example.getByTestId("console-body").innerText()) };
}

test("a live SQL example creates a hero in SQLite in the browser and reads it back", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial/sql-databases");
  const example = page.locator('[data-testid="live-example"][data-example-name="sql_databases/tutorial002"]');
  await example.getByRole("button", { name: /^Run/ }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });

  // Each answer differs from the one before it, so `send` can tell when the new one has arrived.
  const created = await send(example, "POST", "/heroes/", { id: 9000, name: "Deadpond", age: 30, secret_name: "Dive Wilson" });
  // The database chose the id; the public model hides the secret name.
  expect(created).toEqual({ status: "200", json: { name: "Deadpond", age: 30, id: 1 } });

  expect(await send(example, "GET", "/heroes/")).toEqual({ status: "200", json: [{ name: "Deadpond", age: 30, id: 1 }] });
  expect(await send(example, "GET", "/heroes/1")).toEqual({ status: "200", json: { name: "Deadpond", age: 30, id: 1 } });
  expect(await send(example, "PATCH", "/heroes/1", { age: null })).toEqual({ status: "200", json: { name: "Deadpond", age: null, id: 1 } });
  expect(await send(example, "GET", "/heroes/2")).toEqual({ status: "404", json: { detail: "Hero not found" } });
});

test("the Testing a Database example's tests pass in the page, each on a fresh database", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/how-to/testing-database");
  const example = page.locator('[data-testid="live-example"][data-example-name="testing_database/tutorial001"]');
  await example.getByRole("button", { name: "Tests" }).click();
  const pane = example.getByTestId("tests-pane");
  await pane.getByRole("button", { name: "Run tests" }).click();
  await expect(pane.getByTestId("tests-summary")).toHaveText("8 passed, 0 failed", { timeout: 60_000 });
});
