import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const { minimum, problem } = createRequire(import.meta.url)("./node-version.cjs") as {
  minimum(range: string): [number, number, number];
  problem(found: string, range: string, nvmrc: string): string | null;
};
const engines = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
const nvmrc = readFileSync(join(root, ".nvmrc"), "utf8").trim();

describe("the root project's Node version guard", () => {
  it(".nvmrc names a Node that package.json's engines allow, and the runtime package asks no more", () => {
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(minimum(engines)[0]);
    const runtime = (JSON.parse(readFileSync(join(root, "runtime/package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    const n = ([a, b, c]: number[]) => a! * 1e6 + b! * 1e3 + c!;
    expect(n(minimum(runtime))).toBeLessThanOrEqual(n(minimum(engines)));
  });

  it("passes this Node, and names what it needs, what it found and how to get it on an older one", () => {
    expect(problem(process.version, engines, nvmrc)).toBeNull();
    expect(problem("v22.18.0", ">=22.18", "24")).toBeNull();
    expect(problem("v23.0.0", ">=22.18", "24")).toBeNull();
    expect(problem("v22.17.1", ">=22.18", "24")).toBe(
      "This project needs Node.js 22.18 or newer; this is Node.js v22.17.1. Run `nvm install` (it reads .nvmrc: Node 24), or install Node 24 from nodejs.org, then run the command again.",
    );
    expect(problem("v20.20.2", ">=22.18", "24")).toMatch(/^This project needs Node\.js 22\.18 or newer; this is Node\.js v20\.20\.2\./);
  });
});
