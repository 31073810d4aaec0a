import { FastAPI, Query } from "fastapi-ts";
import { z } from "zod";

const FilterParams = z.strictObject({
  limit: z.int().gt(0).lte(100).default(100),
  offset: z.int().gte(0).default(0),
  order_by: z.literal(["created_at", "updated_at"]).default("created_at"),
  tags: z.array(z.string()).default([]),
}).meta({ id: "FilterParams" });

export const app = new FastAPI();

app.get("/items/", { params: { filter_query: Query(FilterParams) } }, async function read_items({ filter_query }) {
  return filter_query;
});
