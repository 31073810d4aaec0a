import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/users/me", async function read_user_me() {
  return { user_id: "the current user" };
});

app.get("/users/{user_id}", { params: { user_id: z.string() } }, async function read_user({ user_id }) {
  return { user_id };
});
