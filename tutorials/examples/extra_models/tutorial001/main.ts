import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const UserIn = z.object({
  username: z.string(),
  password: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "UserIn" });
type UserIn = z.output<typeof UserIn>;

const UserOut = z.object({
  username: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "UserOut" });

const UserInDB = z.object({
  username: z.string(),
  hashed_password: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "UserInDB" });
type UserInDB = z.output<typeof UserInDB>;

function fake_password_hasher(raw_password: string): string {
  return "supersecret" + raw_password;
}

function fake_save_user(user_in: UserIn): UserInDB {
  const hashed_password = fake_password_hasher(user_in.password);
  const user_in_db = UserInDB.parse({ ...user_in, hashed_password });
  console.log("User saved! ..not really");
  return user_in_db;
}

export const app = new FastAPI();

app.post("/user/", { params: { user_in: UserIn }, responseModel: UserOut }, async function create_user({ user_in }) {
  const user_saved = fake_save_user(user_in);
  return user_saved;
});
