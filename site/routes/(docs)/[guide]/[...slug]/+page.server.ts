import { redirectEntries } from "$lib/content/redirects.ts";
import { outline } from "$lib/server/content.ts";
import type { EntryGenerator } from "./$types";

// Every page of every guide is prerendered at its stable URL, /<guide>/<slug>, and so is every old path of a page
// that moved (a page that sends the reader on). No server load here: the page reads its content in +page.ts, so an
// unknown URL shows the 404 page on any static server.
export const entries: EntryGenerator = () => [
  ...outline.pages.map(({ guide, slug }) => ({ guide, slug })),
  ...redirectEntries(),
];
