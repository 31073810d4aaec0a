// Rendering reference pages: signatures through the site's shiki pipeline with the types they use linked, TSDoc as
// markdown (links relative to the page, first mentions of other exports linked), examples highlighted, anchors.
import { beforeAll, describe, expect, test } from "vitest";
import { createHighlight } from "../../site/lib/content/highlight.ts";
import type { Highlight } from "../../site/lib/content/markdown/index.ts";
import { firstSentence, referenceSearchDocuments } from "../../site/lib/reference/listing.ts";
import type { ApiEntry, ReferencePageData } from "../../site/lib/reference/model.ts";
import { linkCode, renderReferencePage, typeLinks } from "../../site/lib/reference/render.ts";
import { emptyDoc } from "./comments.ts";

const targets = new Map([
  ["FastAPI", "/reference/fastapi#FastAPI"],
  ["FastAPIOptions", "/reference/fastapi#FastAPIOptions"],
  ["APIRouter", "/reference/apirouter#APIRouter"],
  ["settings", "/reference/settings#settings"],
  ["Response", "/reference/responses#Response"],
  ["serve", "/reference/node#serve"],
]);

const names = (code: string, self = "") => typeLinks(code, targets, self).map((link) => code.slice(link.start, link.end));

describe("which names in a signature link", () => {
  test("types link; names being declared, and the entry itself, do not", () => {
    expect(names("readonly settings: Readonly<FastAPIOptions>")).toEqual(["FastAPIOptions"]);
    expect(names("settings?: FastAPIOptions")).toEqual(["FastAPIOptions"]);
    expect(names("settings(schema: S): Response")).toEqual(["Response"]);
    expect(names("function serve(app: FastAPI, options?: ServeOptions): Promise<RunningServer>", "serve")).toEqual(["FastAPI"]);
    expect(names("class FastAPI extends APIRouter", "FastAPI")).toEqual(["APIRouter"]);
    expect(names("constructor(options?: FastAPIOptions)\nstatic get settings(): FastAPI")).toEqual(["FastAPIOptions", "FastAPI"]);
    expect(names("x: Response.Sub | serveX")).toEqual(["Response"]);
  });
});

describe("rendering", () => {
  let highlight: Highlight;
  beforeAll(async () => {
    highlight = await createHighlight();
  }, 60_000);

  test("links go inside shiki's markup, around exactly the names, and the markup stays balanced", () => {
    const code = "function serve(app: FastAPI, options?: FastAPIOptions): Promise<Response>";
    const html = linkCode(highlight(code, "ts"), code, targets, "/reference/node", "serve");
    expect(html).toContain('<a class="api-type" href="./fastapi#FastAPI">FastAPI</a>');
    expect(html).toContain('<a class="api-type" href="./fastapi#FastAPIOptions">FastAPIOptions</a>');
    expect(html).toContain('<a class="api-type" href="./responses#Response">Response</a>');
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(html.match(/<\/a>/g)).toHaveLength(3);
    // The text is unchanged: strip the tags and entities and the code is back.
    const text = html.replace(/<[^>]+>/g, "").replace(/&#x3C;/g, "<").replace(/&#x26;/g, "&");
    expect(text).toBe(code);
  });

  const entry: ApiEntry = {
    name: "FastAPI",
    module: "fastapi-ts",
    kind: "class",
    source: "runtime/src/app.ts:96",
    code: "class FastAPI extends APIRouter",
    doc: {
      ...emptyDoc,
      summary: "The application; serve it with `serve(app)`, or see [`APIRouter`](/reference/apirouter#APIRouter). Not `FastAPI` itself.",
      examples: ['```ts\nexport const app = new FastAPI();\n```'],
    },
    signatures: [],
    members: [
      {
        id: "FastAPI.constructor",
        name: "constructor",
        kind: "constructor",
        code: "constructor(options?: FastAPIOptions)",
        doc: { ...emptyDoc, summary: "Makes an app." },
        signatures: [{ code: "", doc: emptyDoc, parameters: [{ name: "options", type: "FastAPIOptions", optional: true, defaultValue: "{}", doc: "What `serve(app)` reads." }] }],
      },
    ],
    inherited: [{ from: "APIRouter", members: ["get", "post"] }],
  };
  const page: ReferencePageData = { slug: "fastapi", title: "FastAPI app", intro: "The `FastAPI` class.", entries: [entry] };

  test("an entry: anchor, import line, source, linked signature, docs, example, members and what it inherits", () => {
    const { html, headings } = renderReferencePage(page, highlight, targets);
    expect(headings).toEqual([{ depth: 2, id: "FastAPI", text: "FastAPI" }]);
    expect(html).toContain('<h2 id="FastAPI"><a class="heading-link" href="#FastAPI">FastAPI</a> <span class="api-kind">class</span></h2>');
    expect(html).toContain("<code>import { FastAPI } from &quot;fastapi-ts&quot;;</code>");
    expect(html).toContain("runtime/src/app.ts:96");
    expect(html).toContain('<a class="api-type" href="./apirouter#APIRouter">APIRouter</a>');
    // The summary: the first mention of another export links, the entry's own name does not, {@link}s are relative.
    expect(html).toContain('<a href="./node#serve" class="api-link"><code>serve(app)</code></a>');
    expect(html).toContain('<a href="./apirouter#APIRouter"><code>APIRouter</code></a>');
    expect(html).toContain("Not <code>FastAPI</code> itself.");
    // The example goes through shiki.
    expect(html).toMatch(/<h3>Example<\/h3>\n<pre class="shiki[^"]*"[^>]*><code><span class="line"><span style="[^"]+">export<\/span>/);
    expect(html).toContain('<dt id="FastAPI.constructor">');
    expect(html).toContain("<td><code>options</code></td><td><code>FastAPIOptions</code></td><td>What <a href=\"./node#serve\" class=\"api-link\"><code>serve(app)</code></a> reads.");
    expect(html).toContain("(default <code>{}</code>)");
    expect(html).toContain('Inherited from <a href="./apirouter#APIRouter"><code>APIRouter</code></a>: <a href="./apirouter#APIRouter.get"><code>get</code></a>, <a href="./apirouter#APIRouter.post"><code>post</code></a>.');
  });

  test("search finds an export by name, on its page", () => {
    const [document] = referenceSearchDocuments({ pages: [page], exportCounts: { "fastapi-ts": 1, "fastapi-ts/node": 0 } });
    expect(document).toEqual(expect.objectContaining({ id: "/reference/fastapi#FastAPI", path: "/reference/fastapi", anchor: "FastAPI", heading: "FastAPI", page: "FastAPI app" }));
    expect(document!.text).toContain("The application; serve it with serve(app)");
  });

  test("the overview's one-line summaries end at the first sentence", () => {
    expect(firstSentence("Serves an app on `node:http`. Then more.")).toBe("Serves an app on node:http.");
    expect(firstSentence("Options of [`serve`](/reference/node#serve): the port")).toBe("Options of serve.");
  });
});
