import { Cookie, FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { ads_id: Cookie(z.string().nullable().default(null)) } }, async function read_items({ ads_id }) {
  return { ads_id };
});
