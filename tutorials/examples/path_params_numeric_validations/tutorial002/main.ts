import { FastAPI, Path } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: {
    q: z.string(),
    item_id: Path(z.int(), { title: "The ID of the item to get" }),
  },
}, async function read_items({ q, item_id }) {
  const results: Record<string, unknown> = { item_id };
  if (q) {
    results.q = q;
  }
  return results;
});
