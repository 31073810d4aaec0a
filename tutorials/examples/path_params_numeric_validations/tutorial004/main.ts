import { FastAPI, Path } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: {
    item_id: Path(z.int().gte(1), { title: "The ID of the item to get" }),
    q: z.string(),
  },
}, async function read_items({ item_id, q }) {
  const results: Record<string, unknown> = { item_id };
  if (q) {
    results.q = q;
  }
  return results;
});
