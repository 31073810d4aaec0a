import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const UserIn = z.object({
  username: z.string(),
  password: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "UserIn" });

const UserOut = z.object({
  username: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "UserOut" });

export const app = new FastAPI();

app.post("/user/", { params: { user: UserIn }, responseModel: UserOut }, async function create_user({ user }) {
  return user;
});
