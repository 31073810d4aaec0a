import { Cookie, Depends, FastAPI, dependency } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const query_extractor = dependency({
  params: { q: z.string().nullable().default(null) },
}, function query_extractor({ q }) {
  return q;
});

const query_or_cookie_extractor = dependency({
  params: {
    q: Depends(query_extractor),
    last_query: Cookie(z.string().nullable().default(null)),
  },
}, function query_or_cookie_extractor({ q, last_query }) {
  if (!q) {
    return last_query;
  }
  return q;
});

app.get("/items/", { params: { query_or_default: Depends(query_or_cookie_extractor) } }, async function read_query(
  { query_or_default },
) {
  return { q_or_cookie: query_or_default };
});
