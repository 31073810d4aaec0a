import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const UserIn = z.object({
  username: z.string(),
  password: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "UserIn" });

export const app = new FastAPI();

// Don't do this in production!
app.post("/user/", { params: { user: UserIn }, responseModel: UserIn }, async function create_user({ user }) {
  return user;
});
