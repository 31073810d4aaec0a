import { FastAPI, Header } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { x_token: Header(z.array(z.string()).nullable().default(null)) } }, async function read_items({ x_token }) {
  return { "X-Token values": x_token };
});
