import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/users/{user_id}/items/{item_id}", {
  params: {
    user_id: z.int(),
    item_id: z.string(),
    q: z.string().nullable().default(null),
    short: z.boolean().default(false),
  },
}, async function read_user_item({ user_id, item_id, q, short }) {
  const item: Record<string, string | number> = { item_id, owner_id: user_id };
  if (q !== null) {
    item.q = q;
  }
  if (!short) {
    item.description = "This is an amazing item that has a long description";
  }
  return item;
});
