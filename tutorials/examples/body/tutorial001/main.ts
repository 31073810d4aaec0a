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
  return item;
});
