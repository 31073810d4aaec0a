// The example directive, on a line of its own:
//   ::example <topic>/<name>          the live example: each of its files highlighted, as tabs (main.ts first), in the
//                                     element the live-example component hydrates (Run, Edit, Open in playground, Tests)
//   ::example <topic>/<name> <file>   one file of it (routers/items.ts, main.test.ts), highlighted, under its path:
//                                     where the prose walks through a file, its code comes from the example itself
// The live example's tabs leave out main.test.ts, which Tests runs and Edit opens with the rest; a page that talks
// about the test shows it with the second form.
import type { MarkdownIt, StateBlock, Token } from "markdown-it";
import { exampleFileOrder } from "../../../../playground/src/project/files.ts";
import { ContentError } from "../errors.ts";
import { pageEnv } from "./env.ts";

const directive = /^::example[ \t]+(\S+)(?:[ \t]+(\S+))?[ \t]*$/;
const EXAMPLE_NAME = /^[a-z0-9_]+\/[a-z0-9_]+$/;
const TEST_FILE = "main.test.ts";

/** The example's files a live example shows as tabs, in the order it shows them. */
export function exampleTabs(files: ReadonlyMap<string, string>): string[] {
  return exampleFileOrder([...files.keys()]).filter((file) => file !== TEST_FILE);
}

export function example(md: MarkdownIt): void {
  md.block.ruler.before(
    "paragraph",
    "example",
    (state: StateBlock, startLine: number, _endLine: number, silent: boolean) => {
      const start = state.bMarks[startLine]! + state.tShift[startLine]!;
      const line = state.src.slice(start, state.eMarks[startLine]);
      if (!line.startsWith("::example")) return false;
      if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
      const env = pageEnv(state.env);
      const where = `${env.source}:${startLine + 1}`;
      const match = directive.exec(line);
      if (!match?.[1] || !EXAMPLE_NAME.test(match[1])) {
        throw new ContentError(`${where}: write the directive as "::example <topic>/<name>", or "::example <topic>/<name> <file>" for one of its files`);
      }
      const [, name, file] = match;
      const files = env.examples.get(name);
      if (!files?.has("main.ts")) throw new ContentError(`${where}: no example tutorials/examples/${name}/main.ts`);
      if (file !== undefined && !files.has(file)) {
        throw new ContentError(`${where}: the example ${name} has no file ${file} (it has ${exampleFileOrder([...files.keys()]).join(", ")})`);
      }
      if (silent) return true;
      const token = state.push(file === undefined ? "example" : "example_file", "div", 0);
      token.info = name;
      token.meta = { file };
      token.map = [startLine, startLine + 1];
      token.block = true;
      if (file === undefined) {
        if (!env.exampleNames.includes(name)) env.exampleNames.push(name);
        token.meta = { file, index: env.exampleCount++ };
      }
      state.line = startLine + 1;
      return true;
    },
    { alt: ["paragraph"] },
  );

  const highlight = (code: string): string =>
    md.options.highlight?.(code, "ts", "") || `<pre><code>${md.utils.escapeHtml(code)}</code></pre>`;
  const filesOf = (env: unknown, token: Token) => pageEnv(env).examples.get(token.info) ?? new Map<string, string>();

  md.renderer.rules.example = (tokens, index, _options, env) => {
    const token = tokens[index]!;
    const files = filesOf(env, token);
    const shown = exampleTabs(files).map((file) => ({ file, html: highlight(files.get(file) ?? "") }));
    return exampleHtml(token.info, shown, (token.meta as { index: number }).index);
  };

  md.renderer.rules.example_file = (tokens, index, _options, env) => {
    const token = tokens[index]!;
    const file = (token.meta as { file: string }).file;
    return exampleFileHtml(token.info, file, highlight(filesOf(env, token).get(file) ?? ""));
  };
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");

/** A file of an example, highlighted. */
export interface ShownFile {
  file: string;
  html: string;
}

/**
 * The element the live-example component hydrates: the example's files (one, or tabs) under a bar whose actions it
 * fills. `index` numbers the page's live examples, for the tabs' ids. Everything but the actions slot is the static
 * view, which the component hides while its editor shows.
 */
export function exampleHtml(name: string, files: ShownFile[], index = 0): string {
  const id = (i: number) => `example-${index}-file-${i}`;
  const label =
    files.length === 1
      ? `<span class="example-file">${escapeHtml(files[0]!.file)}</span>`
      : `<div class="example-files" role="tablist" aria-label="Files of this example">` +
        files
          .map(
            ({ file }, i) =>
              `<button type="button" role="tab" id="${id(i)}" aria-controls="${id(i)}-panel" aria-selected="${i === 0}" ` +
              `tabindex="${i === 0 ? 0 : -1}">${escapeHtml(file)}</button>`,
          )
          .join("") +
        `</div>`;
  const panels =
    files.length === 1
      ? files[0]!.html
      : files
          .map(
            ({ file, html }, i) =>
              `<div class="example-panel" role="tabpanel" id="${id(i)}-panel" aria-labelledby="${id(i)}" data-file="${escapeHtml(file)}"` +
              `${i === 0 ? "" : " hidden"}>${html}</div>`,
          )
          .join("");
  return (
    `<div class="example" data-example="${name}"><div class="example-static" data-example-static>` +
    `<div class="example-bar">${label}<div class="example-actions" data-example-actions></div></div>\n` +
    `${panels}</div></div>\n`
  );
}

/** One file of an example, under its path. */
export function exampleFileHtml(name: string, file: string, highlightedCode: string): string {
  return (
    `<figure class="example-file-view" data-example-file="${name}/${escapeHtml(file)}">` +
    `<figcaption class="example-bar"><span class="example-file">${escapeHtml(file)}</span></figcaption>\n` +
    `${highlightedCode}</figure>\n`
  );
}
