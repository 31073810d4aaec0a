import { FastAPI, Path } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{item_id}", {
  params: {
    item_id: Path(z.int().gte(0).lte(1000), { title: "The ID of the item to get" }),
    q: z.string().nullable().default(null),
    item: Item.nullable().default(null),
  },
}, async function update_item({ item_id, q, item }) {
  const results: Record<string, unknown> = { item_id };
  if (q) {
    results.q = q;
  }
  if (item) {
    results.item = item;
  }
  return results;
});
