import { FastAPI, type RouteInfo } from "fastapi-ts";
import { z } from "zod";

// "items-get_items" instead of "get_items_items__get": generated clients name their methods after this.
function custom_generate_unique_id(route: RouteInfo): string {
  return `${route.tags[0]}-${route.name}`;
}

export const app = new FastAPI({ generateUniqueIdFunction: custom_generate_unique_id });

const Item = z.object({
  name: z.string(),
  price: z.number(),
}).meta({ id: "Item" });

const ResponseMessage = z.object({
  message: z.string(),
}).meta({ id: "ResponseMessage" });

const User = z.object({
  username: z.string(),
  email: z.string(),
}).meta({ id: "User" });

app.post("/items/", {
  params: { item: Item },
  responseModel: ResponseMessage,
  tags: ["items"],
}, async function create_item() {
  return { message: "Item received" };
});

app.get("/items/", {
  responseModel: z.array(Item),
  tags: ["items"],
}, async function get_items() {
  return [
    { name: "Plumbus", price: 3 },
    { name: "Portal Gun", price: 9001 },
  ];
});

app.post("/users/", {
  params: { user: User },
  responseModel: ResponseMessage,
  tags: ["users"],
}, async function create_user() {
  return { message: "User received" };
});
