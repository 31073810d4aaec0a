import { navigation } from "$lib/server/content.ts";
import type { LayoutServerLoad } from "./$types";

// The header's menu on a phone: each guide that has pages, by its first page (a few dozen bytes per page).
export const load: LayoutServerLoad = () => ({
  menu: navigation().map((guide) => ({ id: guide.id, title: guide.title, path: guide.pages[0]!.path })),
});
