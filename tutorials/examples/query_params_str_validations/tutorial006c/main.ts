import { FastAPI, Query } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", {
  params: {
    q: Query(z.string().min(3).nullable()),
  },
}, async function read_items({ q }) {
  const results: Record<string, unknown> = { items: [{ item_id: "Foo" }, { item_id: "Bar" }] };
  if (q) {
    results.q = q;
  }
  return results;
});
