import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]),
}).meta({ id: "Item" });
type Item = z.output<typeof Item>;

export const app = new FastAPI();

app.post("/items/", { params: { item: Item }, responseModel: Item }, async function create_item({ item }): Promise<Item> {
  return item;
});

app.get("/items/", { responseModel: z.array(Item) }, async function read_items(): Promise<Item[]> {
  return [
    Item.parse({ name: "Portal Gun", price: 42.0 }),
    Item.parse({ name: "Plumbus", price: 32.0 }),
  ];
});
