import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const items: Record<string, { name: string }> = {};

async function* lifespan(app: FastAPI) {
  items["foo"] = { name: "Fighters" };
  items["bar"] = { name: "Tenders" };
  yield;
  // Clean up the items
  for (const key of Object.keys(items)) delete items[key];
}

export const app = new FastAPI({ lifespan });

app.get("/items/{item_id}", { params: { item_id: z.string() } }, async function read_items({ item_id }) {
  return items[item_id];
});
