import { Depends, dependency, FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

export const common_parameters = dependency(
  { params: { q: z.string().nullable().default(null), skip: z.int().default(0), limit: z.int().default(100) } },
  async function common_parameters({ q, skip, limit }) {
    return { q, skip, limit };
  },
);

app.get("/items/", { params: { commons: Depends(common_parameters) } }, async function read_items({ commons }) {
  return { message: "Hello Items!", params: commons };
});

app.get("/users/", { params: { commons: Depends(common_parameters) } }, async function read_users({ commons }) {
  return { message: "Hello Users!", params: commons };
});
