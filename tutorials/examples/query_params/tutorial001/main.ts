import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const fake_items_db = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

app.get("/items/", { params: { skip: z.int().default(0), limit: z.int().default(10) } }, async function read_item({ skip, limit }) {
  return fake_items_db.slice(skip, skip + limit);
});
