// Small content trees for the pipeline's unit tests.
import { classifySources, type ContentSources } from "../../site/lib/content/index.ts";
import { createMarkdown, createPageEnv, type PageEnv } from "../../site/lib/content/markdown/index.ts";

export const helloExample = 'import { FastAPI } from "fastapi-ts";\n\nexport const app = new FastAPI();\n';

/** Sources from files given by their path inside tutorials/, with one example available. */
export function sources(files: Record<string, string>): ContentSources {
  return classifySources({ "examples/first_steps/tutorial001/main.ts": helloExample, ...files });
}

/** A highlighter that shows what it was asked, so tests can see where code went. */
export const fakeHighlight = (code: string, lang: string) =>
  `<pre class="shiki" data-lang="${lang}"><code>${code.replaceAll("<", "&lt;")}</code></pre>`;

export interface Rendered {
  html: string;
  env: PageEnv;
}

/** Renders one page's markdown as the page at `path`, with the given other pages existing. */
export function render(markdown: string, options: { path?: string; knownPaths?: string[] } = {}): Rendered {
  const path = options.path ?? "/tutorial/first-steps";
  const env = createPageEnv({
    source: "tutorials/test.md",
    path,
    knownPaths: new Set([path, "/", "/playground", ...(options.knownPaths ?? [])]),
    examples: sources({}).examples,
  });
  const html = createMarkdown(fakeHighlight).render(markdown, env);
  return { html, env };
}
