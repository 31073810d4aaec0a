import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string(),
}).meta({ id: "Item" });

const items = [
  { name: "Foo", description: "There comes my hero" },
  { name: "Red", description: "It's my aeroplane" },
];

export const app = new FastAPI();

app.get("/items/", { responseModel: z.array(Item) }, async function read_items() {
  return items;
});
