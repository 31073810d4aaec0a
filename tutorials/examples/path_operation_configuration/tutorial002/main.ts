import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.set(z.string()).default(new Set()),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.post("/items/", { params: { item: Item }, responseModel: Item, tags: ["items"] }, async function create_item({ item }) {
  return item;
});

app.get("/items/", { tags: ["items"] }, async function read_items() {
  return [{ name: "Foo", price: 42 }];
});

app.get("/users/", { tags: ["users"] }, async function read_users() {
  return [{ username: "johndoe" }];
});
