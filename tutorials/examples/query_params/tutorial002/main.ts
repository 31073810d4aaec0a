import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: { item_id: z.string(), q: z.string().nullable().default(null) },
}, async function read_item({ item_id, q }) {
  if (q) {
    return { item_id, q };
  }
  return { item_id };
});
