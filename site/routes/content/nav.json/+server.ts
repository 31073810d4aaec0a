// The sidebar of the guides, as JSON: fetched once by the guides' layout.
import { json } from "@sveltejs/kit";
import { navigation } from "$lib/server/content.ts";
import type { RequestHandler } from "./$types";

export const prerender = true;

export const GET: RequestHandler = () => json(navigation());
