import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI({ strictContentType: false });

const Item = z.object({
  name: z.string(),
  price: z.number(),
}).meta({ id: "Item" });

app.post("/items/", { params: { item: Item } }, async function create_item({ item }) {
  return item;
});
