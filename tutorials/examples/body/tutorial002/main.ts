import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.post("/items/", { params: { item: Item } }, async function create_item({ item }) {
  const item_dict: Record<string, unknown> = { ...item };
  if (item.tax !== null) {
    const price_with_tax = item.price + item.tax;
    item_dict.price_with_tax = price_with_tax;
  }
  return item_dict;
});
