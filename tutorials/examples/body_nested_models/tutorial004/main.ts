import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Image = z.object({
  url: z.string(),
  name: z.string(),
}).meta({ id: "Image" });

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.set(z.string()).default(new Set()),
  image: Image.nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.put("/items/{item_id}", { params: { item_id: z.int(), item: Item } }, async function update_item({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
