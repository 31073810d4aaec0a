import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.post("/items/", { params: { item: Item } }, function create_item({ item }) {
  return item;
});

app.get("/items/", { responseModel: z.array(Item) }, function read_items() {
  return [
    { name: "Portal Gun", description: "Device to travel through the multi-rick-verse" },
    { name: "Plumbus" },
  ];
});
