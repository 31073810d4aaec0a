import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const BaseUser = z.object({
  username: z.string(),
  email: z.email(),
  full_name: z.string().nullable().default(null),
}).meta({ id: "BaseUser" });
type BaseUser = z.output<typeof BaseUser>;

const UserIn = BaseUser.extend({
  password: z.string(),
}).meta({ id: "UserIn" });

export const app = new FastAPI();

app.post("/user/", { params: { user: UserIn }, responseModel: BaseUser }, async function create_user({ user }): Promise<BaseUser> {
  return user;
});
