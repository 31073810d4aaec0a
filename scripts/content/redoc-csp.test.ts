// The ReDoc pane's frame (static/panes/redoc.html) allows ReDoc's inline colour-mode script by its hash. The script
// is a template in ReDoc's bundle: this rebuilds it from the bundle the site ships and checks the frame's policy
// names its hash, so a ReDoc upgrade that changes it fails here, not as a CSP violation in readers' consoles.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test } from "vitest";

const bundle = readFileSync(createRequire(import.meta.url).resolve("redoc/bundles/redoc.standalone.js"), "utf8");
const frame = readFileSync(new URL("../../static/panes/redoc.html", import.meta.url), "utf8");

test("the ReDoc frame's Content-Security-Policy allows ReDoc's colour-mode script by its hash", () => {
  // `var Bke=\`try{var m=localStorage.getItem("${qx}");…}catch(e){}\`` and the constants it interpolates.
  const template = /`(try\{var m=localStorage\.getItem\("\$\{\w+\}"\);[^`]*\}catch\(e\)\{\})`/.exec(bundle)?.[1];
  expect(template, "ReDoc's colour-mode script template").toBeDefined();
  const storageKey = /(\w+)=`redoc\.colorMode`/.test(bundle) ? "redoc.colorMode" : undefined;
  const modes = /\{LIGHT:`(\w+)`,DARK:`(\w+)`\}/.exec(bundle);
  expect(storageKey).toBeDefined();
  expect(modes).not.toBeNull();
  const script = template!
    .replace(/\$\{\w+\}/, storageKey!)
    .replaceAll(/\$\{\w+\.LIGHT\}/g, modes![1]!)
    .replaceAll(/\$\{\w+\.DARK\}/g, modes![2]!);
  expect(script).not.toContain("${");
  const hash = createHash("sha256").update(script).digest("base64");
  expect(frame).toContain(`'sha256-${hash}'`);
});
