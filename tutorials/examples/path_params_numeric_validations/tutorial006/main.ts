import { FastAPI, Path, Query } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: {
    item_id: Path(z.int().gte(0).lte(1000), { title: "The ID of the item to get" }),
    q: z.string(),
    size: Query(z.number().gt(0).lt(10.5)),
  },
}, async function read_items({ item_id, q, size }) {
  const results: Record<string, unknown> = { item_id };
  if (q) {
    results.q = q;
  }
  if (size) {
    results.size = size;
  }
  return results;
});
