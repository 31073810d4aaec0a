import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/keyword-weights/", { responseModel: z.record(z.string(), z.number()) }, async function read_keyword_weights() {
  return { foo: 2.3, bar: 3.4 };
});
