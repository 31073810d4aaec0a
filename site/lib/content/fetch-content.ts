// Guide pages load their content from JSON files prerendered beside them (site/routes/content/). A page that does
// not exist has no such file: whatever the static server answers instead (a 404, or its fallback HTML page with a
// 200), it is not JSON, and the route shows the 404 page.
import { error } from "@sveltejs/kit";

export async function fetchContent<T>(fetch: typeof globalThis.fetch, url: string): Promise<T> {
  const response = await fetch(url);
  const body: T | undefined = response.ok ? await response.json().catch(() => undefined) : undefined;
  if (body === undefined) error(404, "Not found");
  return body;
}
