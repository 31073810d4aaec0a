import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", {
  params: {
    item_id: z.string(),
    needy: z.string(),
    skip: z.int().default(0),
    limit: z.int().nullable().default(null),
  },
}, async function read_user_item({ item_id, needy, skip, limit }) {
  const item = { item_id, needy, skip, limit };
  return item;
});
