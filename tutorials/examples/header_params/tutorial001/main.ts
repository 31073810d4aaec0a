import { FastAPI, Header } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { user_agent: Header(z.string().nullable().default(null)) } }, async function read_items({ user_agent }) {
  return { "User-Agent": user_agent };
});
