import { exampleBlock, navigation } from "$lib/server/content.ts";
import type { PageServerLoad } from "./$types";

export const load: PageServerLoad = async () => ({
  example: await exampleBlock("first_steps/tutorial001"),
  guides: navigation().map((guide) => ({ id: guide.id, title: guide.title, first: guide.pages[0]!, count: guide.pages.length })),
});
