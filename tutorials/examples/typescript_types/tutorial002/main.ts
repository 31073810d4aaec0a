import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const User = z.object({
  // Required, and never null.
  name: z.string(),
  // May be left out (then it is absent); never null.
  nickname: z.string().optional(),
  // Must be sent, but may be null.
  middle_name: z.string().nullable(),
  // May be left out (then it is null), and may be null: FastAPI's `bio: str | None = None`.
  bio: z.string().nullable().default(null),
  // May be left out (then it is "Narnia"); never null.
  country: z.string().default("Narnia"),
}).meta({ id: "User" });

export const app = new FastAPI();

app.post("/users/", { params: { user: User } }, async function create_user({ user }) {
  return user;
});
