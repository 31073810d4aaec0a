import { FastAPI, Query } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", {
  params: { hidden_query: Query(z.string().nullable().default(null), { includeInSchema: false }) },
}, async function read_items({ hidden_query }) {
  if (hidden_query) {
    return { hidden_query };
  } else {
    return { hidden_query: "Not found" };
  }
});
