import { Cookie, FastAPI } from "fastapi-ts";
import { z } from "zod";

const Cookies = z.object({
  session_id: z.string(),
  fatebook_tracker: z.string().nullable().default(null),
  googall_tracker: z.string().nullable().default(null),
}).meta({ id: "Cookies" });

export const app = new FastAPI();

app.get("/items/", { params: { cookies: Cookie(Cookies) } }, async function read_items({ cookies }) {
  return cookies;
});
