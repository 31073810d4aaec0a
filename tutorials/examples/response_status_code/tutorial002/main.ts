import { FastAPI, status } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.post("/items/", { params: { name: z.string() }, statusCode: status.HTTP_201_CREATED }, async function create_item({ name }) {
  return { name };
});
