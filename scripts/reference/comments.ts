// TSDoc comments, as TypeDoc parsed them, turned into markdown: text and code spans as written, `{@link X}` as a
// link to X's entry (a site path; the site makes it relative), or as plain code when X is not documented.
import type { Comment, CommentDisplayPart, Reflection, SignatureReflection } from "typedoc";
import type { DocComment } from "../../site/lib/reference/model.ts";

/** The site path (with anchor) of a documented reflection, or undefined for anything the reference does not show. */
export type LinkTarget = (reflection: Reflection) => string | undefined;

export function partsToMarkdown(parts: readonly CommentDisplayPart[] | undefined, link: LinkTarget): string {
  if (!parts) return "";
  return parts
    .map((part) => {
      if (part.kind !== "inline-tag") return part.text;
      const target = typeof part.target === "object" && "id" in part.target ? link(part.target) : undefined;
      const text = part.text.trim() || (typeof part.target === "object" && "name" in part.target ? part.target.name : "");
      const label = /^[\w$.]+$/.test(text) && part.tag !== "@linkplain" ? `\`${text}\`` : text;
      if (typeof part.target === "string") return `[${label}](${part.target})`;
      return target ? `[${label}](${target})` : label;
    })
    .join("")
    .trim();
}

/** The comment of a declaration, with `@param` docs read from the parameters of `signature` (TypeDoc moves them there). */
export function docComment(comment: Comment | undefined, link: LinkTarget, signature?: SignatureReflection): DocComment {
  const tag = (name: `@${string}`) => comment?.getTag(name);
  const deprecated = tag("@deprecated");
  return {
    summary: partsToMarkdown(comment?.summary, link),
    remarks: partsToMarkdown(tag("@remarks")?.content, link),
    params: (signature?.parameters ?? [])
      .map((parameter) => ({ name: parameter.name, doc: partsToMarkdown(parameter.comment?.summary, link) }))
      .filter((parameter) => parameter.doc),
    returns: partsToMarkdown(tag("@returns")?.content, link),
    examples: (comment?.getTags("@example") ?? []).map((example) => partsToMarkdown(example.content, link)).filter(Boolean),
    deprecated: deprecated ? partsToMarkdown(deprecated.content, link) : null,
    see: (comment?.getTags("@see") ?? []).map((see) => partsToMarkdown(see.content, link)).filter(Boolean),
  };
}

/** A comment with nothing in it (an undocumented member). */
export const emptyDoc: DocComment = { summary: "", remarks: "", params: [], returns: "", examples: [], deprecated: null, see: [] };
