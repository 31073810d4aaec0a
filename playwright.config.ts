import { defineConfig } from "@playwright/test";
import { testChromiumArgs, chromiumExecutable } from "./e2e/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two workers: most of a test's time is the browser waiting on a worker or a render, so two share
  // a 2-core machine well. Files run in parallel; the examples sweep spreads its pages over both.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    // Each test's fresh profile would otherwise save the whole site for offline use (tens of MB) beside the test.
    // The tests of the offline copy and of the sandbox allow it (e2e/offline.test.ts, e2e/examples.test.ts…).
    serviceWorkers: "block",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [...testChromiumArgs,
        // No host but the site's resolves: the site must work with no network.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    },
  },
  webServer: {
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
