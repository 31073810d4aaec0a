import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.post("/items/", { params: { item: Item }, responseModel: Item }, async function create_item({ item }) {
  return item;
});

app.get("/items/", { responseModel: z.array(Item) }, async function read_items() {
  return [
    { name: "Portal Gun", price: 42.0 },
    { name: "Plumbus", price: 32.0 },
  ];
});
