/** A mistake in the content (markdown, ordering, a directive), reported with the file it is in. */
export class ContentError extends Error {
  override name = "ContentError";
}
