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
