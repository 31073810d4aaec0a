// Renders the reference's pages to HTML at build time: signatures highlighted by the site's shiki pipeline (with the
// types they mention linked to their entries), TSDoc as markdown, examples as highlighted code. Nothing here runs in
// the reader's browser.
import MarkdownIt, { type MarkdownIt as Markdown, type StateCore } from "markdown-it";
import { linkApiNames, type ApiLinkTargets } from "../content/markdown/api-links.ts";
import type { Highlight } from "../content/markdown/index.ts";
import { relativeHref } from "../content/paths.ts";
import type { Heading } from "../content/types.ts";
import { type ApiEntry, type ApiMember, type ApiReference, type ApiSignature, type DocComment, type ReferencePageData, referencePath } from "./model.ts";

/** Where each export is described: name → "/reference/<page>#<Name>". */
export function apiLinkTargets(reference: ApiReference): Map<string, string> {
  return new Map(reference.pages.flatMap((page) => page.entries.map((entry) => [entry.name, `${referencePath(page.slug)}#${entry.name}`])));
}

export interface RenderedReference {
  html: string;
  headings: Heading[];
}

const escape = new MarkdownIt().utils.escapeHtml;

/** Renders doc markdown: site-path links made relative, code spans naming other exports linked (once per entry). */
class DocRenderer {
  readonly #md: Markdown;

  constructor(highlight: Highlight, targets: ApiLinkTargets, from: string) {
    this.#md = new MarkdownIt({ html: false, linkify: false, highlight: (code, info) => highlight(code, info || "ts") });
    this.#md.core.ruler.push("reference_links", (state: StateCore) => {
      const linked = (state.env as { linked?: Set<string> }).linked ?? new Set<string>();
      for (const token of state.tokens) {
        for (const child of token.children ?? []) {
          const href = child.type === "link_open" ? String(child.attrGet("href") ?? "") : "";
          if (href.startsWith("/")) child.attrSet("href", relativeHref(from, href));
        }
      }
      linkApiNames(state.tokens, targets, from, linked, (type, tag, nesting) => new state.Token(type, tag, nesting));
    });
  }

  block(markdown: string, linked: Set<string>): string {
    return markdown ? this.#md.render(markdown, { linked }) : "";
  }
}

/**
 * The spans of `code` that name documented exports (other than `self`) in a type position, with their targets: a name
 * being declared (followed by `:`, `?:` or `(`, or after a keyword such as `readonly` or `function`) is not one.
 */
export function typeLinks(code: string, targets: ApiLinkTargets, self: string): { start: number; end: number; target: string }[] {
  const found: { start: number; end: number; target: string }[] = [];
  for (const match of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$])/g)) {
    const target = match[0] === self ? undefined : targets.get(match[0]);
    if (!target) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (/^\s*\??\s*[:(]/.test(code.slice(end))) continue;
    if (/(?:^|\n)\s*(?:(?:readonly|static|protected|abstract|get|set|function|class|interface|type|const|new)\s+)*$/.test(code.slice(0, start))) continue;
    found.push({ start, end, target });
  }
  return found;
}

/** Wraps the spans {@link typeLinks} finds in links, inside shiki's HTML of the same code (matched by text offset). */
export function linkCode(html: string, code: string, targets: ApiLinkTargets, from: string, self: string): string {
  const links = typeLinks(code, targets, self);
  if (!links.length) return html;
  let offset = 0;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_match, tag: string | undefined, text: string | undefined) => {
    if (tag !== undefined || text === undefined) return tag ?? "";
    let out = "";
    let open: { end: number } | undefined;
    // Characters of the code, each written as one character or one entity (`&#x3C;` is "<").
    const pieces = text.match(/&[^;]+;|[^&]/g) ?? [];
    for (const [index, piece] of pieces.entries()) {
      const link = links.find((candidate) => candidate.start === offset);
      // A name split over two of shiki's spans stays unlinked rather than break the markup.
      if (link && link.end - link.start <= pieces.length - index) {
        out += `<a class="api-type" href="${escape(relativeHref(from, link.target))}">`;
        open = link;
      }
      out += piece;
      offset++;
      if (open?.end === offset) {
        out += "</a>";
        open = undefined;
      }
    }
    return out;
  });
}

export function renderReferencePage(page: ReferencePageData, highlight: Highlight, targets: ApiLinkTargets): RenderedReference {
  const from = referencePath(page.slug);
  const docs = new DocRenderer(highlight, targets, from);
  const code = (text: string, self: string) => linkCode(highlight(text, "ts"), text, targets, from, self);
  const parts: string[] = [docs.block(page.intro, new Set())];
  for (const entry of page.entries) parts.push(renderEntry(entry, docs, code, targets, from));
  return {
    html: parts.join("\n"),
    headings: page.entries.map((entry) => ({ depth: 2, id: entry.name, text: entry.name })),
  };
}

type Code = (text: string, self: string) => string;

function renderEntry(entry: ApiEntry, docs: DocRenderer, code: Code, targets: ApiLinkTargets, from: string): string {
  const linked = new Set([entry.name]);
  const importLine = `import ${entry.kind === "interface" || entry.kind === "type" ? "type " : ""}{ ${entry.name} } from "${entry.module}";`;
  const out = [
    `<section class="api-entry" aria-labelledby="${entry.name}">`,
    `<h2 id="${entry.name}"><a class="heading-link" href="#${entry.name}">${entry.name}</a> <span class="api-kind">${entry.kind}</span></h2>`,
    `<p class="api-meta"><code>${escape(importLine)}</code> <span class="api-source">${escape(entry.source)}</span></p>`,
    code(entry.code, entry.name),
    docBlocks(entry.doc, docs, linked),
  ];
  const signatures = entry.kind === "function" || entry.kind === "interface" ? entry.signatures : [];
  for (const [index, signature] of signatures.entries()) {
    if (entry.kind === "interface") out.push(code(signature.code, entry.name));
    const own = signature.doc.summary && signature.doc.summary !== entry.doc.summary ? docs.block(signature.doc.summary, linked) : "";
    if (signatures.length > 1 && entry.kind === "function") out.push(`<p class="api-overload">Overload ${index + 1}: <code>${escape(signature.code.replace(/\s+/g, " "))}</code></p>`);
    out.push(own, parametersTable(signature, docs, linked), returns(signature.doc, docs, linked));
  }
  out.push(examples(entry.doc, docs, linked));
  if (entry.members.length) {
    out.push(`<h3>Members</h3>`, `<dl class="api-members">`);
    for (const member of entry.members) out.push(renderMember(member, docs, code, entry.name));
    out.push(`</dl>`);
  }
  for (const group of entry.inherited) {
    const base = targets.get(group.from);
    const link = (label: string, anchor: string) => (base ? `<a href="${escape(relativeHref(from, `${base.replace(/#.*$/, "")}#${anchor}`))}"><code>${label}</code></a>` : `<code>${label}</code>`);
    out.push(`<p class="api-inherited">Inherited from ${link(group.from, group.from)}: ${group.members.map((name) => link(name, `${group.from}.${name}`)).join(", ")}.</p>`);
  }
  out.push(`</section>`);
  return out.filter(Boolean).join("\n");
}

function renderMember(member: ApiMember, docs: DocRenderer, code: Code, owner: string): string {
  // A member's parameters are listed only when the comment says something about them (the signature shows the rest).
  const described = member.signatures.filter((signature) => signature.parameters.some((parameter) => parameter.doc));
  const parameters = described.map((signature) => parametersTable(signature, docs, new Set([owner]))).join("");
  return (
    `<dt id="${escape(member.id)}">${code(member.code, owner)}</dt>\n` +
    `<dd>${docBlocks(member.doc, docs, new Set([owner]))}${parameters}${returns(member.doc, docs, new Set([owner]))}${examples(member.doc, docs, new Set([owner]))}</dd>`
  );
}

function docBlocks(doc: DocComment, docs: DocRenderer, linked: Set<string>): string {
  const deprecated = doc.deprecated !== null
    ? `<div class="admonition warning" role="note"><p class="admonition-title">Deprecated</p>${docs.block(doc.deprecated || "Do not use it in new code.", linked)}</div>`
    : "";
  const see = doc.see.length ? `<p class="api-see">See also:</p><ul>${doc.see.map((item) => `<li>${docs.block(item, linked)}</li>`).join("")}</ul>` : "";
  return [deprecated, docs.block(doc.summary, linked), docs.block(doc.remarks, linked), see].filter(Boolean).join("\n");
}

function parametersTable(signature: ApiSignature, docs: DocRenderer, linked: Set<string>): string {
  if (!signature.parameters.length) return "";
  const rows = signature.parameters.map((parameter) => {
    const fallback = parameter.defaultValue ? ` (default <code>${escape(parameter.defaultValue)}</code>)` : parameter.optional ? " (optional)" : "";
    const doc = parameter.doc ? docs.block(parameter.doc, linked).replace(/^<p>|<\/p>\n?$/g, "") : "";
    return `<tr><td><code>${escape(parameter.name)}</code></td><td><code>${escape(parameter.type)}</code></td><td>${doc}${fallback}</td></tr>`;
  });
  return `<table class="api-params"><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function returns(doc: DocComment, docs: DocRenderer, linked: Set<string>): string {
  return doc.returns ? `<p class="api-returns"><strong>Returns</strong></p>${docs.block(doc.returns, linked)}` : "";
}

function examples(doc: DocComment, docs: DocRenderer, linked: Set<string>): string {
  if (!doc.examples.length) return "";
  return `<h3>${doc.examples.length > 1 ? "Examples" : "Example"}</h3>\n${doc.examples.map((example) => docs.block(example, linked)).join("\n")}`;
}
