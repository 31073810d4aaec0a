// Stops an npm script, with one line, when Node is older than package.json's "engines" asks (run by the pre-hooks
// of start, dev, build, check and test). CommonJS and nothing newer than ES2015, so that any Node can run it far
// enough to say what it needs. `npm install` itself is stopped by npm (engine-strict in .npmrc).
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

/** The smallest version `range` (">=22.18" or ">=22.18.0") allows, as [major, minor, patch]. */
function minimum(range) {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!m) throw new Error("package.json engines.node must read \">=X.Y\", got " + JSON.stringify(range));
  return [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)];
}

/** The line to print when `found` ("v20.20.2") is older than `range` allows, else null. */
function problem(found, range, nvmrc) {
  const want = minimum(range);
  const have = found.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if (have[i] > want[i]) return null;
    if (have[i] < want[i]) {
      return "This project needs Node.js " + range.replace(/^>=\s*/, "") + " or newer; this is Node.js " + found +
        ". Run `nvm install` (it reads .nvmrc: Node " + nvmrc + "), or install Node " + nvmrc + " from nodejs.org, then run the command again.";
    }
  }
  return null;
}

module.exports = { minimum, problem };

if (require.main === module) {
  const root = join(__dirname, "..");
  const range = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node;
  const nvmrc = readFileSync(join(root, ".nvmrc"), "utf8").trim();
  const line = problem(process.version, range, nvmrc);
  if (line) {
    console.error(line);
    process.exit(1);
  }
}
