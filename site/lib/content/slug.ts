// Heading ids: lower-case words joined by "-", as most documentation sites make them, unique per page.

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}\s_-]/gu, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Gives each heading of a page an id no other heading of that page has. */
export class SlugRegistry {
  readonly #seen = new Map<string, number>();

  take(text: string): string {
    const base = slugify(text) || "section";
    const count = this.#seen.get(base) ?? 0;
    this.#seen.set(base, count + 1);
    if (count === 0) return base;
    const id = `${base}-${count}`;
    this.#seen.set(id, 1);
    return id;
  }
}
