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
  params: { item_id: z.int(), item: Item, user: User, importance: Body(z.int()) },
}, async function update_item({ item_id, item, user, importance }) {
  const results = { item_id, item, user, importance };
  return results;
});
