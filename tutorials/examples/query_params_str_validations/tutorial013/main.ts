import { FastAPI, Query } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { q: Query(z.array(z.unknown()).default([])) } }, async function read_items({ q }) {
  const query_items = { q };
  return query_items;
});
