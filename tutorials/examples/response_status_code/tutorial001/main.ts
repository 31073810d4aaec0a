import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.post("/items/", { params: { name: z.string() }, statusCode: 201 }, async function create_item({ name }) {
  return { name };
});
