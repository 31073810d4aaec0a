// The API reference's overview, as JSON: every page with its exports and their one-line summaries.
import { json } from "@sveltejs/kit";
import type { ReferenceIndexView } from "$lib/reference/listing.ts";
import { reference, referenceListing } from "$lib/server/reference.ts";
import type { RequestHandler } from "./$types";

export const prerender = true;

export const GET: RequestHandler = () =>
  json({ pages: referenceListing(reference), exportCounts: reference.exportCounts } satisfies ReferenceIndexView);
