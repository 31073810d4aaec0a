import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: { item_id: z.string(), q: z.string().nullable().default(null), short: z.boolean().default(false) },
}, async function read_item({ item_id, q, short }) {
  const item: Record<string, string> = { item_id };
  if (q) {
    item.q = q;
  }
  if (!short) {
    item.description = "This is an amazing item that has a long description";
  }
  return item;
});
