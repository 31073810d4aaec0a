// Pages show an example's files through the example directive (`::example <topic>/<name> <file>` for one of them),
// never by copying one into a code block: a copy drifts from the example (which its test keeps working) without
// anyone noticing. A fence that is mostly the lines of one example file, and holds most of that file, is such a copy.
// Excerpts of main.ts that explain a step before the example shows it whole are fine, as are short ones of any file.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readSourcesFromDisk } from "../../site/lib/content/disk.ts";

const sources = readSourcesFromDisk(fileURLToPath(new URL("../../tutorials", import.meta.url)));

/** The lines that say something: trimmed, without lone brackets and punctuation. */
const meaningful = (code: string) =>
  code
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /[\w"'`]/.test(line) && line.length > 3);

/** Where `markdown` holds a fenced block that copies one of the examples' files. */
export function copiedFiles(markdown: string, examples: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  const found: string[] = [];
  const fence = /^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    const lines = meaningful(match[2]!);
    if (lines.length < 5) continue;
    const line = markdown.slice(0, match.index).split("\n").length;
    for (const [name, files] of examples) {
      for (const [file, code] of files) {
        if (file === "main.ts") continue;
        const fileLines = new Set(meaningful(code));
        const shared = lines.filter((l) => fileLines.has(l)).length;
        if (shared / lines.length >= 0.9 && shared / fileLines.size >= 0.5) found.push(`line ${line}: ${name}/${file}`);
      }
    }
  }
  return found;
}

describe("pages show examples' code through the directive", () => {
  test("the check finds a copied file and lets an excerpt be", () => {
    const examples = new Map([["t/app", new Map([["routers/items.ts", "import { x } from 'y';\nexport const a = 1;\nexport const b = 2;\nexport const c = 3;\nexport const d = 4;\nexport const e = 5;\n"]])]]);
    const copy = "# T\n\n```ts\nimport { x } from 'y';\nexport const a = 1;\nexport const b = 2;\nexport const c = 3;\nexport const d = 4;\n```\n";
    expect(copiedFiles(copy, examples)).toEqual(["line 3: t/app/routers/items.ts"]);
    expect(copiedFiles("# T\n\n```ts\nexport const a = 1;\nexport const b = 2;\n```\n", examples)).toEqual([]);
  });

  for (const [guide, pages] of sources.pages) {
    for (const [file, markdown] of pages) {
      test(`tutorials/${guide}/${file}.md copies no example file`, () => {
        expect(copiedFiles(markdown, sources.examples)).toEqual([]);
      });
    }
  }
});
