// The site's colour tokens (site/lib/styles/global.css): the dark palette is written twice, for the reader's pick
// (html[data-theme="dark"]) and for the OS's preference; both copies must be the same, and every token the light
// palette defines must have a dark value, or a control would keep a light colour on a dark page.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

const css = readFileSync(new URL("../../site/lib/styles/global.css", import.meta.url), "utf8");

function block(after: string): Map<string, string> {
  const start = css.indexOf("{", css.indexOf(after));
  const end = css.indexOf("}", start);
  return new Map([...css.slice(start + 1, end).matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

test("the dark palette is the same for the reader's pick and for the OS's preference", () => {
  const picked = block(':root[data-theme="dark"]');
  const system = block(':root:not([data-theme="light"])');
  expect(picked.size).toBeGreaterThan(20);
  expect(system).toEqual(picked);
});

test("every colour token of the light palette has a dark value", () => {
  const light = block(":root {");
  const dark = block(':root[data-theme="dark"]');
  const layout = ["--radius", "--radius-lg", "--header-height", "--font-sans", "--font-mono"];
  expect([...light.keys()].filter((name) => !layout.includes(name)).sort()).toEqual([...dark.keys()].sort());
});
