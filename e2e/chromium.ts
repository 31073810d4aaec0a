// Which Chromium the end-to-end tests drive: $CHROMIUM_PATH if set, else the first `chromium` or
// `chromium-browser` on PATH (Debian's package). Playwright never downloads a browser here.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export function chromiumExecutable(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new Error("No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH");
}

/** V8 flags of every Chromium launched here; see `chromiumArgs`. */
const jsFlags = ["--no-enable-lazy-source-positions"];

/**
 * Headless Chromium still builds its address bar's popup (two `chrome://omnibox-popup` WebUI pages, each with its
 * renderer) and starts them while our pages load: 0.3–1 s of CPU in most of the benchmark's visits (Chromium traces),
 * taken on a 2-core machine from the page being measured or tested. Headless has no address bar, and a reader's
 * browser does not build it again for each page it opens.
 */
const ownDisabledFeatures = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * The features Playwright (1.65) disables with its own `--disable-features`. Chromium honours only the last such
 * switch, so ours repeats them; e2e/chromium-flags.test.ts fails when Playwright's list grows past this one.
 */
const playwrightDisabledFeatures: readonly string[] = [
  "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
  "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
];

const commonArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${[...playwrightDisabledFeatures, ...ownDisabledFeatures].join(",")}`,
];

/**
 * Flags for every Chromium the tests and the live-example benchmark launch, beside a `--host-resolver-rules` of
 * their own. `--no-enable-lazy-source-positions`: Playwright keeps the inspector's Runtime domain on, and with it V8
 * records a detailed stack (lines and columns) for every Error created; with source positions compiled lazily,
 * that re-parses the enclosing function each time. Swagger UI's bundle creates dozens of errors while it loads, in
 * functions hundreds of kilobytes long: about a second of re-parsing per page that no reader pays (no inspector),
 * measured against Chromium run without one. Compiled eagerly, positions cost a reader's page a little more, never less.
 */
export const chromiumArgs: readonly string[] = [...commonArgs, `--js-flags=${jsFlags.join(" ")}`];

/**
 * The end-to-end tests' flags: `chromiumArgs`, and esbuild-wasm kept on V8's baseline compiler (Liftoff). In a fresh
 * profile, as every test has, V8 re-optimises esbuild's hot Go functions with TurboFan on background threads: ~10 s of
 * CPU for the first edit of a playground (a Chromium trace: `wasm.TopTierCompilation`), which on a 2-core machine
 * slows every other test running beside it. A reader's browser does it once and keeps the code in its cache; the tests
 * check what happens, not how fast, and the benchmark (`chromiumArgs`) keeps the reader's compiler.
 */
export const testChromiumArgs: readonly string[] = [
  ...commonArgs,
  `--js-flags=${[...jsFlags, "--no-wasm-dynamic-tiering", "--no-wasm-tier-up"].join(" ")}`,
];
