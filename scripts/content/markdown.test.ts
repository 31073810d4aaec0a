// The markdown pipeline: titles and heading anchors, links, code, admonitions, tabs, and the example directive.
import { describe, expect, test } from "vitest";
import { ContentError } from "../../site/lib/content/index.ts";
import { createMarkdown, createPageEnv } from "../../site/lib/content/markdown/index.ts";
import { fakeHighlight, render } from "./fixtures.ts";

describe("headings", () => {
  test("the single h1 is the title; h2–h4 get unique ids and link to themselves", () => {
    const { html, env } = render("# First Steps\n\nIntro.\n\n## Run it\n\n### `app.get()` and friends\n\n## Run it\n\n#### Deep\n\n##### Deeper\n");
    expect(env.title).toBe("First Steps");
    expect(env.headings).toEqual([
      { depth: 2, id: "run-it", text: "Run it" },
      { depth: 3, id: "appget-and-friends", text: "app.get() and friends" },
      { depth: 2, id: "run-it-1", text: "Run it" },
      { depth: 4, id: "deep", text: "Deep" },
    ]);
    expect(html).toContain('<h1>First Steps</h1>');
    expect(html).toContain('<h2 id="run-it"><a class="heading-link" href="#run-it">Run it</a></h2>');
    expect(html).toContain('<h2 id="run-it-1"><a class="heading-link" href="#run-it-1">Run it</a></h2>');
    expect(html).toContain('<h3 id="appget-and-friends"><a class="heading-link" href="#appget-and-friends"><code>app.get()</code> and friends</a></h3>');
  });

  test("the description is the first paragraph, and sections split the text at h2/h3", () => {
    const { env } = render("# Title\n\nThe first paragraph.\n\nMore intro.\n\n## Part one\n\nAlpha `beta`.\n\n```ts\nconst gamma = 1;\n```\n\n#### Small\n\nDelta.\n");
    expect(env.description).toBe("The first paragraph.");
    expect(env.sections).toEqual([
      { id: "", heading: "Title", text: "The first paragraph. More intro." },
      { id: "part-one", heading: "Part one", text: "Alpha beta. const gamma 1 Delta." },
    ]);
  });

  test.each([
    ["no title", "## Only a section\n", /no "# " title/],
    ["two titles", "# One\n\n# Two\n", /second "# " title, "Two"/],
    ["a title after a section", "## Section\n\n# Title\n", /must come before/],
    ["a link in a heading", "# Title\n\n## See [this](/)\n", /contains a link/],
  ])("%s is an error", (_, markdown, message) => {
    expect(() => render(markdown)).toThrow(ContentError);
    expect(() => render(markdown)).toThrow(message);
  });
});

describe("links", () => {
  test("links to pages become relative to the page; others are left alone", () => {
    const { html } = render(
      "# T\n\n[a](/tutorial/path-params#anchor) [b](/) [c](/playground) [d](https://zod.dev) [e](#here) [f](/tutorial/dependencies/sub-dependencies)",
      { path: "/tutorial/dependencies/classes", knownPaths: ["/tutorial/path-params", "/tutorial/dependencies/sub-dependencies"] },
    );
    expect(html).toContain('<a href="../path-params#anchor">a</a>');
    expect(html).toContain('<a href="../../">b</a>');
    expect(html).toContain('<a href="../../playground">c</a>');
    expect(html).toContain('<a href="https://zod.dev">d</a>');
    expect(html).toContain('<a href="#here">e</a>');
    expect(html).toContain('<a href="./sub-dependencies">f</a>');
  });

  test("a link to a page that does not exist is an error", () => {
    expect(() => render("# T\n\n[x](/tutorial/nowhere)")).toThrow(/"\/tutorial\/nowhere" leads to no page/);
  });

  test("a relative link is an error: pages link by site path", () => {
    expect(() => render("# T\n\n[x](path-params)")).toThrow(/write links to pages as site paths/);
  });
});

describe("code", () => {
  test("fences are highlighted by language; no language is plain text", () => {
    const { html } = render("# T\n\n```ts\nconst a = 1;\n```\n\n```\nplain\n```\n");
    expect(html).toContain('<pre class="shiki" data-lang="ts"><code>const a = 1;\n</code></pre>');
    expect(html).toContain('<pre class="shiki" data-lang=""><code>plain\n</code></pre>');
  });

  test("an unknown language is an error naming the line", () => {
    expect(() => render("# T\n\ntext\n\n```typescrip\nx\n```\n")).toThrow(/tutorials\/test.md:5: unknown code language "typescrip"/);
  });
});

describe("admonitions", () => {
  test("a kind with its default title, or a title of its own with inline markdown", () => {
    const { html } = render("# T\n\n::: tip\nUse **this**.\n:::\n\n::: note Coming from `FastAPI`\nNo decorators.\n:::\n");
    expect(html).toContain('<div class="admonition tip" role="note"><p class="admonition-title">Tip</p>\n<p>Use <strong>this</strong>.</p>\n</div>');
    expect(html).toContain('<div class="admonition note" role="note"><p class="admonition-title">Coming from <code>FastAPI</code></p>');
  });

  test("a 'Coming from FastAPI' title links to the Learn guide's map, relative to the page, once that page exists", () => {
    const markdown = "# T\n\n::: note Coming from FastAPI\nNo decorators.\n:::\n";
    const linked = render(markdown, { path: "/tutorial/dependencies/sub-dependencies", knownPaths: ["/learn/coming-from-fastapi"] }).html;
    expect(linked).toContain('<p class="admonition-title"><a href="../../learn/coming-from-fastapi">Coming from FastAPI</a></p>');
    expect(render(markdown).html).toContain('<p class="admonition-title">Coming from FastAPI</p>');
    const onTheMap = render(markdown, { path: "/learn/coming-from-fastapi" }).html;
    expect(onTheMap).toContain('<p class="admonition-title">Coming from FastAPI</p>');
    // Another title is never a link.
    expect(render("# T\n\n::: note Coming from Flask\nx\n:::\n", { knownPaths: ["/learn/coming-from-fastapi"] }).html)
      .toContain('<p class="admonition-title">Coming from Flask</p>');
  });

  test("an unknown kind stays text", () => {
    expect(render("# T\n\n::: tips\nx\n:::\n").html).not.toContain("admonition");
  });
});

describe("tabs", () => {
  const markdown = "# T\n\n:::: tabs\n::: tab npm\n`npm i`\n:::\n::: tab pnpm\n`pnpm add`\n:::\n::::\n\n:::: tabs\n::: tab A\na\n:::\n::::\n";

  test("a tablist of the labels, then one panel per tab; the first shows", () => {
    const { html } = render(markdown);
    expect(html).toContain(
      '<div class="tabs" data-tabs><div class="tab-list" role="tablist">' +
        '<button type="button" role="tab" id="tab-1-0" aria-controls="panel-1-0" aria-selected="true" tabindex="0">npm</button>' +
        '<button type="button" role="tab" id="tab-1-1" aria-controls="panel-1-1" aria-selected="false" tabindex="-1">pnpm</button></div>',
    );
    expect(html).toContain('<div class="tab-panel" role="tabpanel" id="panel-1-0" aria-labelledby="tab-1-0" tabindex="0">\n<p><code>npm i</code></p>');
    expect(html).toContain('<div class="tab-panel" role="tabpanel" id="panel-1-1" aria-labelledby="tab-1-1" tabindex="0" hidden>\n<p><code>pnpm add</code></p>');
    expect(html).toContain('id="tab-2-0"');
  });

  test("a tab outside tabs, an empty tabs and a tab without a label are errors", () => {
    expect(() => render("# T\n\n::: tab npm\nx\n:::\n")).toThrow(/belongs directly inside/);
    expect(() => render("# T\n\n:::: tabs\ntext\n::::\n")).toThrow(/holds no/);
    expect(() => render("# T\n\n:::: tabs\n::: tab\nx\n:::\n::::\n")).toThrow(/needs a label/);
  });
});

describe("the example directive", () => {
  test("places main.ts, highlighted, in the element the live-example component hydrates", () => {
    const { html, env } = render("# T\n\nBefore.\n\n::example first_steps/tutorial001\n\nAfter.\n\n::example first_steps/tutorial001\n");
    expect(html).toContain(
      '<div class="example" data-example="first_steps/tutorial001"><div class="example-static" data-example-static>' +
        '<div class="example-bar"><span class="example-file">main.ts</span>' +
        '<div class="example-actions" data-example-actions></div></div>\n' +
        '<pre class="shiki" data-lang="ts"><code>import { FastAPI } from "fastapi-ts";',
    );
    expect(html).toContain("<p>Before.</p>");
    expect(html).toContain("<p>After.</p>");
    expect(html.match(/class="example"/g)).toHaveLength(2);
    expect(env.exampleNames).toEqual(["first_steps/tutorial001"]);
  });

  // A bigger application: files in folders beside main.ts, and its test.
  const bigger = new Map([
    ["bigger/app", new Map([
      ["routers/items.ts", "export const items = 1;\n"],
      ["main.test.ts", "test();\n"],
      ["dependencies.ts", "export const deps = 1;\n"],
      ["main.ts", "export const app = 1;\n"],
    ])],
  ]);
  const renderWith = (markdown: string) => {
    const env = createPageEnv({ source: "tutorials/test.md", path: "/t", knownPaths: new Set(["/t"]), examples: bigger });
    return { html: createMarkdown(fakeHighlight).render(markdown, env), env };
  };

  test("shows each file of a multi-file example as a tab, main.ts first and selected; the test is left to Tests and Edit", () => {
    const { html, env } = renderWith("# T\n\n::example bigger/app\n\n::example bigger/app\n");
    const tabs = [...html.matchAll(/<button type="button" role="tab" id="(example-\d-file-\d)" aria-controls="([^"]+)" aria-selected="(\w+)" tabindex="(-?\d)">([^<]+)<\/button>/g)];
    expect(tabs.map((m) => m[5])).toEqual(["main.ts", "dependencies.ts", "routers/items.ts", "main.ts", "dependencies.ts", "routers/items.ts"]);
    expect(tabs.map((m) => m[3])).toEqual(["true", "false", "false", "true", "false", "false"]);
    // Ids stay unique when an example is placed twice, and each tab controls its own panel.
    expect(new Set(tabs.map((m) => m[1])).size).toBe(6);
    for (const [, id, controls] of tabs) expect(html).toContain(`<div class="example-panel" role="tabpanel" id="${controls}" aria-labelledby="${id}"`);
    expect(html).toContain('data-file="routers/items.ts" hidden><pre class="shiki" data-lang="ts"><code>export const items = 1;');
    expect(html).toContain('data-file="main.ts"><pre class="shiki" data-lang="ts"><code>export const app = 1;');
    expect(html).not.toContain("test();");
    expect(env.exampleNames).toEqual(["bigger/app"]);
  });

  test("with a file, shows that file of the example under its path, as a view that does not run", () => {
    const { html, env } = renderWith("# T\n\n::example bigger/app routers/items.ts\n\n::example bigger/app main.test.ts\n");
    expect(html).toContain(
      '<figure class="example-file-view" data-example-file="bigger/app/routers/items.ts"><figcaption class="example-bar"><span class="example-file">routers/items.ts</span></figcaption>\n' +
        '<pre class="shiki" data-lang="ts"><code>export const items = 1;',
    );
    expect(html).toContain("<code>test();");
    expect(html).not.toContain('class="example"');
    expect(env.exampleNames).toEqual([]);
    expect(() => renderWith("# T\n\n::example bigger/app nope.ts\n")).toThrow(/:3: the example bigger\/app has no file nope\.ts \(it has main\.ts, dependencies\.ts, routers\/items\.ts, main\.test\.ts\)/);
  });

  test("an example that does not exist is an error", () => {
    expect(() => render("# T\n\n::example first_steps/tutorial999\n")).toThrow(/:3: no example tutorials\/examples\/first_steps\/tutorial999\/main.ts/);
    expect(() => render("# T\n\n::example a/b main.ts\n")).toThrow(/:3: no example tutorials\/examples\/a\/b\/main.ts/);
  });

  test("a malformed directive is an error", () => {
    expect(() => render("# T\n\n::example first_steps\n")).toThrow(/write the directive as "::example <topic>\/<name>"/);
    expect(() => render("# T\n\n::example first_steps/tutorial001 main.ts extra\n")).toThrow(/write the directive as/);
  });

  test("inside code it is only text", () => {
    const { html, env } = render("# T\n\n```text\n::example first_steps/tutorial001\n```\n\n    ::example first_steps/tutorial001\n");
    expect(html).not.toContain('class="example"');
    expect(env.exampleNames).toEqual([]);
  });
});

