// The guides' links to the API reference: the first inline code span on a page that names a public export links to
// its entry (site/lib/content/markdown/api-links.ts).
import { describe, expect, test } from "vitest";
import { spanName } from "../../site/lib/content/markdown/api-links.ts";
import { createMarkdown, createPageEnv } from "../../site/lib/content/markdown/index.ts";
import { fakeHighlight, sources } from "./fixtures.ts";

const targets = new Map([
  ["Depends", "/reference/dependencies#Depends"],
  ["FastAPI", "/reference/fastapi#FastAPI"],
  ["status", "/reference/status#status"],
  ["serve", "/reference/node#serve"],
]);

function render(markdown: string, path = "/tutorial/first-steps", apiLinks: ReadonlyMap<string, string> | undefined = targets): string {
  const env = createPageEnv({
    source: "tutorials/test.md",
    path,
    knownPaths: new Set([path, "/tutorial/first-steps"]),
    examples: sources({}).examples,
    apiLinks,
  });
  return createMarkdown(fakeHighlight).render(markdown, env);
}

const link = (href: string, code: string) => `<a href="${href}" class="api-link"><code>${code}</code></a>`;

describe("which spans name an export", () => {
  test.each([
    ["Depends", "Depends"],
    ["Depends()", "Depends"],
    ["Depends(get_db)", "Depends"],
    ["Depends(dependency({ params }, fn), { useCache: false })", "Depends"],
    ["new FastAPI()", "FastAPI"],
    ["new FastAPI({ title: \"x\" })", "FastAPI"],
    ["status.HTTP_404_NOT_FOUND", "status"],
    ["FastAPI.openapi.call", "FastAPI"],
    ["TestClient.get(\"/\")", "TestClient"],
  ])("`%s` names %s", (code, name) => {
    expect(spanName(code)).toBe(name);
  });

  test("a lower-case name counts only when it is called or a member is read: bare, it may be a property", () => {
    expect(spanName("status")).toBeUndefined();
    expect(spanName("settings")).toBeUndefined();
    expect(spanName("settings()")).toBe("settings");
    expect(spanName("status.HTTP_200_OK")).toBe("status");
  });

  test("a span is matched by its whole text", () => {
    expect(spanName("app.get()")).toBe("app"); // a name, but "app" is no export: nothing links
    expect(spanName("Depends")).toBe("Depends");
    expect(spanName("const x = Depends")).toBeUndefined();
    expect(spanName("Depends Security")).toBeUndefined();
    expect(spanName("Depends(x).y")).toBeUndefined();
    expect(spanName("x: Depends")).toBeUndefined();
    expect(spanName("-Depends")).toBeUndefined();
    expect(spanName("")).toBeUndefined();
  });
});

describe("the first mention on a page links to the reference", () => {
  test("only the first span per export links, relative to the page", () => {
    const html = render("# T\n\nUse `Depends(get_db)`, then `Depends` again, and `new FastAPI()`.\n\nLater, `FastAPI` once more.\n");
    expect(html).toContain(`Use ${link("../reference/dependencies#Depends", "Depends(get_db)")}, then <code>Depends</code> again, and ${link("../reference/fastapi#FastAPI", "new FastAPI()")}.`);
    expect(html).toContain("Later, <code>FastAPI</code> once more.");
  });

  test("the href is relative to the page, wherever it is", () => {
    expect(render("# T\n\n`serve(app)`\n", "/tutorial/dependencies/sub-dependencies")).toContain(link("../../reference/node#serve", "serve(app)"));
    expect(render("# T\n\n`serve(app)`\n", "/tutorial")).toContain(link("./reference/node#serve", "serve(app)"));
  });

  test("a bare lower-case name does not use up the first mention", () => {
    const html = render("# T\n\nThe response's `status`, then `status.HTTP_201_CREATED`.\n");
    expect(html).toContain(`The response's <code>status</code>, then ${link("../reference/status#status", "status.HTTP_201_CREATED")}.`);
  });

  test("headings, existing links and HTML code are left alone and do not use up the first mention", () => {
    const html = render("# `FastAPI` app\n\n## About `Depends`\n\n[`Depends` docs](/tutorial/first-steps) and <code>status</code>.\n\nNow `Depends` and `status.HTTP_200_OK`.\n");
    expect(html).toContain("<h1><code>FastAPI</code> app</h1>");
    expect(html).toContain('<a class="heading-link" href="#about-depends">About <code>Depends</code></a>');
    expect(html).toContain('<a href="./first-steps"><code>Depends</code> docs</a> and <code>status</code>.');
    expect(html).toContain(`Now ${link("../reference/dependencies#Depends", "Depends")} and ${link("../reference/status#status", "status.HTTP_200_OK")}.`);
  });

  test("spans in lists, tables and admonitions count; code blocks and names that are no export do not", () => {
    const html = render("# T\n\n```ts\nDepends\n```\n\n- `app` and `Depends`\n\n| a |\n| - |\n| `FastAPI` |\n\n::: tip\n`serve(app)` it\n:::\n");
    expect(html).toContain("<pre");
    expect(html).toContain(`<code>app</code> and ${link("../reference/dependencies#Depends", "Depends")}`);
    expect(html).toContain(`<td>${link("../reference/fastapi#FastAPI", "FastAPI")}</td>`);
    expect(html).toContain(`${link("../reference/node#serve", "serve(app)")} it`);
  });

  test("names are case-sensitive", () => {
    expect(render("# T\n\n`depends` and `STATUS`\n")).not.toContain("api-link");
  });

  test("without targets (the outline, unit tests) nothing links", () => {
    expect(render("# T\n\n`Depends`\n", "/tutorial/first-steps", new Map())).not.toContain("<a");
  });
});
