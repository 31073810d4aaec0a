import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: z.unknown() } }, async function read_item({ item_id }) {
  return { item_id };
});
