import { FastAPI, Header } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", {
  params: { strange_header: Header(z.string().nullable().default(null), { convertUnderscores: false }) },
}, async function read_items({ strange_header }) {
  return { strange_header };
});
