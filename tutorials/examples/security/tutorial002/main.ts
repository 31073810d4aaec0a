import { Depends, FastAPI, OAuth2PasswordBearer, dependency } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

const User = z.object({
  username: z.string(),
  email: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  disabled: z.boolean().nullable().default(null),
}).meta({ id: "User" });
type User = z.infer<typeof User>;

function fake_decode_token(token: string): User {
  return User.parse({ username: token + "fakedecoded", email: "john@example.com", full_name: "John Doe" });
}

const get_current_user = dependency({ params: { token: Depends(oauth2_scheme) } }, async function get_current_user(
  { token },
) {
  const user = fake_decode_token(token);
  return user;
});

app.get("/users/me", { params: { current_user: Depends(get_current_user) } }, async function read_users_me(
  { current_user },
) {
  return current_user;
});
