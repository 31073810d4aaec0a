import { Depends, FastAPI, dependency } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const common_parameters = dependency({
  params: {
    q: z.string().nullable().default(null),
    skip: z.int().default(0),
    limit: z.int().default(100),
  },
}, async function common_parameters({ q, skip, limit }) {
  return { q, skip, limit };
});

const CommonsDep = Depends(common_parameters);

app.get("/items/", { params: { commons: CommonsDep } }, async function read_items({ commons }) {
  return commons;
});

app.get("/users/", { params: { commons: CommonsDep } }, async function read_users({ commons }) {
  return commons;
});
