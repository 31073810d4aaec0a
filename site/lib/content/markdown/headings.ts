// Headings: the page's single h1 is its title; h2–h4 get unique ids and become links to themselves, so a reader
// can copy a section's address. The text under each h2/h3 is recorded as a search section, and the section each
// example appears in, so the playground's example browser can link back to it.
import type { MarkdownIt, StateCore } from "markdown-it";
import { ContentError } from "../errors.ts";
import { pageEnv } from "./env.ts";
import { inlineText } from "./text.ts";

export function headings(md: MarkdownIt): void {
  md.core.ruler.push("page_headings", (state: StateCore) => {
    if (state.inlineMode) return; // md.renderInline() of a title: not a page
    const env = pageEnv(state.env);
    let section = { id: "", heading: "", text: [] as string[] };
    const flush = () => {
      const text = section.text.join(" ").replace(/\s+/g, " ").trim();
      if (text || section.id) env.sections.push({ id: section.id, heading: section.heading, text });
    };
    let inHeading = false;
    for (const [index, token] of state.tokens.entries()) {
      if (token.type === "heading_open") {
        inHeading = true;
        const inline = state.tokens[index + 1];
        const text = inlineText(inline).trim();
        const depth = Number(token.tag.slice(1));
        if (inline?.children?.some((child) => child.type === "link_open")) {
          throw new ContentError(`${env.source}: the heading "${text}" contains a link; headings link to themselves`);
        }
        if (depth === 1) {
          if (env.title) throw new ContentError(`${env.source}: a second "# " title, "${text}"; a page has one`);
          if (env.headings.length) throw new ContentError(`${env.source}: the "# " title must come before any other heading`);
          env.title = text;
          section.heading = text;
          continue;
        }
        const id = env.slugs.take(text);
        token.attrSet("id", id);
        token.meta = { ...(token.meta as object | null), anchor: id };
        if (depth <= 4) env.headings.push({ depth: depth as 2 | 3 | 4, id, text });
        if (depth <= 3) {
          flush();
          section = { id, heading: text, text: [] };
        }
      } else if (token.type === "heading_close") {
        inHeading = false;
      } else if (token.type === "example" && !env.examplePlaces.some((place) => place.name === token.info)) {
        // The example directive (example.ts) names its example in `info`.
        env.examplePlaces.push({ name: token.info, section: section.id, heading: section.heading });
      } else if (token.type === "inline" && !inHeading) {
        const text = inlineText(token);
        section.text.push(text);
        if (!env.description && state.tokens[index - 1]?.type === "paragraph_open") env.description = summary(text);
      } else if (token.type === "fence" || token.type === "code_block") {
        section.text.push(token.content.replace(/[^\p{Letter}\p{Number}_/.{}-]+/gu, " "));
      }
    }
    flush();
    if (!env.title) throw new ContentError(`${env.source}: no "# " title`);
  });

  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    const anchor = (token.meta as { anchor?: string } | null)?.anchor;
    const open = self.renderToken(tokens, index, options);
    return anchor ? `${open}<a class="heading-link" href="#${anchor}">` : open;
  };
  md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    const open = tokens[index - 2];
    const anchor = (open?.meta as { anchor?: string } | null)?.anchor;
    return (anchor ? "</a>" : "") + self.renderToken(tokens, index, options);
  };
}

function summary(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= 160) return flat;
  return `${flat.slice(0, 157).replace(/\s+\S*$/, "")}…`;
}
