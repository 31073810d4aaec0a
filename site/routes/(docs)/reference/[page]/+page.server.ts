import { reference } from "$lib/server/reference.ts";
import type { EntryGenerator } from "./$types";

// Every reference page is prerendered at /reference/<page>. (No server load: the page reads its content in +page.ts,
// so an unknown URL shows the 404 page on any static server.)
export const entries: EntryGenerator = () => reference.pages.map(({ slug }) => ({ page: slug }));
