import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  price: z.number(),
}).meta({ id: "Item" });

const ResponseMessage = z.object({
  message: z.string(),
}).meta({ id: "ResponseMessage" });

app.post("/items/", {
  params: { item: Item },
  responseModel: ResponseMessage,
}, async function create_item() {
  return { message: "item received" };
});

app.get("/items/", {
  responseModel: z.array(Item),
}, async function get_items() {
  return [
    { name: "Plumbus", price: 3 },
    { name: "Portal Gun", price: 9001 },
  ];
});
