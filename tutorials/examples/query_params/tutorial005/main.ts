import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: z.string(), needy: z.string() } }, async function read_user_item({ item_id, needy }) {
  const item = { item_id, needy };
  return item;
});
