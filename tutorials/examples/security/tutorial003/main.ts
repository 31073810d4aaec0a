import { Depends, FastAPI, HTTPException, OAuth2PasswordBearer, OAuth2PasswordRequestForm, dependency, status } from "fastapi-ts";
import { z } from "zod";

const fake_users_db: Record<string, Record<string, unknown>> = {
  johndoe: {
    username: "johndoe",
    full_name: "John Doe",
    email: "johndoe@example.com",
    hashed_password: "fakehashedsecret",
    disabled: false,
  },
  alice: {
    username: "alice",
    full_name: "Alice Wonderson",
    email: "alice@example.com",
    hashed_password: "fakehashedsecret2",
    disabled: true,
  },
};

export const app = new FastAPI();

function fake_hash_password(password: string): string {
  return "fakehashed" + password;
}

const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

const User = z.object({
  username: z.string(),
  email: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  disabled: z.boolean().nullable().default(null),
}).meta({ id: "User" });

const UserInDB = User.extend({
  hashed_password: z.string(),
}).meta({ id: "UserInDB" });
type UserInDB = z.infer<typeof UserInDB>;

function get_user(db: Record<string, Record<string, unknown>>, username: string): UserInDB | null {
  if (username in db) {
    const user_dict = db[username];
    return UserInDB.parse(user_dict);
  }
  return null;
}

function fake_decode_token(token: string): UserInDB | null {
  // This doesn't provide any security at all
  // Check the next version
  const user = get_user(fake_users_db, token);
  return user;
}

const get_current_user = dependency({ params: { token: Depends(oauth2_scheme) } }, async function get_current_user(
  { token },
) {
  const user = fake_decode_token(token);
  if (!user) {
    throw new HTTPException(status.HTTP_401_UNAUTHORIZED, {
      detail: "Not authenticated",
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
  return user;
});

const get_current_active_user = dependency({
  params: { current_user: Depends(get_current_user) },
}, async function get_current_active_user({ current_user }) {
  if (current_user.disabled) {
    throw new HTTPException(400, { detail: "Inactive user" });
  }
  return current_user;
});

app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, async function login({ form_data }) {
  const user_dict = fake_users_db[form_data.username];
  if (!user_dict) {
    throw new HTTPException(400, { detail: "Incorrect username or password" });
  }
  const user = UserInDB.parse(user_dict);
  const hashed_password = fake_hash_password(form_data.password);
  if (!(hashed_password === user.hashed_password)) {
    throw new HTTPException(400, { detail: "Incorrect username or password" });
  }

  return { access_token: user.username, token_type: "bearer" };
});

app.get("/users/me", { params: { current_user: Depends(get_current_active_user) } }, async function read_users_me(
  { current_user },
) {
  return current_user;
});
