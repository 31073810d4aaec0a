import { Body, FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" });

const User = z.object({
  username: z.string(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "User" });

export const app = new FastAPI();

app.put("/items/{item_id}", {
  params: {
    item_id: z.int(),
    item: Item,
    user: User,
    importance: Body(z.int().gt(0)),
    q: z.string().nullable().default(null),
  },
}, async function update_item({ item_id, item, user, importance, q }) {
  const results: Record<string, unknown> = { item_id, item, user, importance };
  if (q) {
    results.q = q;
  }
  return results;
});
