// The pages for FastAPI's newer features run their examples' tests in the page (the Tests pane, in the browser's
// app worker): streaming responses (SSE, JSON Lines, raw chunks), Base64 bytes, a built frontend, and a mounted
// GraphQL Yoga server loaded from the site's own vendor bundle.
import { expect, test } from "./fixtures.ts";

test.describe.configure({ mode: "parallel" });

const cases: [page: string, example: string, passed: number][] = [
  ["/tutorial/server-sent-events", "server_sent_events/tutorial001", 5],
  ["/tutorial/stream-json-lines", "stream_json_lines/tutorial001", 5],
  ["/advanced/stream-data", "stream_data/tutorial002", 6],
  ["/advanced/json-base64-bytes", "json_base64_bytes/tutorial001", 5],
  ["/tutorial/frontend", "frontend/tutorial002", 3],
  ["/how-to/graphql", "graphql_/tutorial001", 4],
];

for (const [path, name, passed] of cases) {
  test(`${name}'s tests pass in the page`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(path);
    const example = page.locator(`[data-testid="live-example"][data-example-name="${name}"]`);
    await example.getByRole("button", { name: "Tests" }).click();
    const pane = example.getByTestId("tests-pane");
    await pane.getByRole("button", { name: "Run tests" }).click();
    await expect(pane.getByTestId("tests-summary")).toHaveText(`${passed} passed, 0 failed`, { timeout: 60_000 });
  });
}

test("the request console shows a Server-Sent Events stream as its events", async ({ page }) => {
  await page.goto("/tutorial/server-sent-events");
  const example = page.locator('[data-testid="live-example"][data-example-name="server_sent_events/tutorial002"]');
  await example.getByRole("button", { name: /^Run/ }).click();
  await expect(example.getByRole("status")).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await example.getByRole("tab", { name: "Request" }).click();
  await example.getByLabel("Method").selectOption("GET");
  await example.getByLabel("Path and query").fill("/items/stream");
  await example.getByRole("button", { name: "Send" }).click();
  await expect(example.getByTestId("console-status")).toHaveText("200");
  const body = example.getByTestId("console-body");
  await expect(body).toContainText(": stream of item updates");
  await expect(body).toContainText("event: item_update");
  await expect(body).toContainText("id: 3");
});
