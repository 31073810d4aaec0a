import { Body, FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().max(300).nullable().default(null).meta({ title: "The description of the item" }),
  price: z.number().gt(0).meta({ description: "The price must be greater than zero" }),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{item_id}", {
  params: { item_id: z.int(), item: Body(Item, { embed: true }) },
}, async function update_item({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
