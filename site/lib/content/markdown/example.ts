// The example directive: a line `::example <topic>/<name>` places tutorials/examples/<topic>/<name>/main.ts in the
// page, highlighted, inside the element the live-example component hydrates (Run, Edit, Open in playground, Tests).
import type { MarkdownIt, StateBlock } from "markdown-it";
import { ContentError } from "../errors.ts";
import { pageEnv } from "./env.ts";

const directive = /^::example[ \t]+(\S+)[ \t]*$/;

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
      const match = directive.exec(line);
      if (!match?.[1] || !/^[a-z0-9_]+\/[a-z0-9_]+$/.test(match[1])) {
        throw new ContentError(`${env.source}:${startLine + 1}: write the directive as "::example <topic>/<name>"`);
      }
      const name = match[1];
      if (!env.examples.get(name)?.has("main.ts")) {
        throw new ContentError(`${env.source}:${startLine + 1}: no example tutorials/examples/${name}/main.ts`);
      }
      if (silent) return true;
      if (!env.exampleNames.includes(name)) env.exampleNames.push(name);
      const token = state.push("example", "div", 0);
      token.info = name;
      token.map = [startLine, startLine + 1];
      token.block = true;
      state.line = startLine + 1;
      return true;
    },
    { alt: ["paragraph"] },
  );

  md.renderer.rules.example = (tokens, index, options, env) => {
    const name = tokens[index]!.info;
    const code = pageEnv(env).examples.get(name)?.get("main.ts") ?? "";
    const highlighted = options.highlight?.(code, "ts", "") || `<pre><code>${md.utils.escapeHtml(code)}</code></pre>`;
    return exampleHtml(name, highlighted);
  };
}

/** The element the live-example component hydrates: main.ts highlighted, under a bar whose actions it fills. */
export function exampleHtml(name: string, highlightedCode: string): string {
  return (
    `<div class="example" data-example="${name}">` +
    `<div class="example-bar"><span class="example-file">main.ts</span>` +
    `<div class="example-actions" data-example-actions></div></div>\n` +
    `${highlightedCode}</div>\n`
  );
}
