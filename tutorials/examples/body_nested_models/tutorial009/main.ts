import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.post("/index-weights/", { params: { weights: z.record(z.int(), z.number()) } }, async function create_index_weights({ weights }) {
  return weights;
});
