// The API reference's part of the sidebar, as JSON: fetched once by the guides' layout.
import { json } from "@sveltejs/kit";
import { reference, referenceNav } from "$lib/server/reference.ts";
import type { RequestHandler } from "./$types";

export const prerender = true;

export const GET: RequestHandler = () => json(referenceNav(reference));
