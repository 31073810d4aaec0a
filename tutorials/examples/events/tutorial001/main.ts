import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const items: Record<string, { name: string }> = {};

app.onEvent("startup", async function startup_event() {
  items["foo"] = { name: "Fighters" };
  items["bar"] = { name: "Tenders" };
});

app.get("/items/{item_id}", { params: { item_id: z.string() } }, async function read_items({ item_id }) {
  return items[item_id];
});
