import bcrypt from "bcryptjs";
import { Depends, FastAPI, HTTPException, OAuth2PasswordBearer, OAuth2PasswordRequestForm, dependency, status } from "fastapi-ts";
import { SignJWT, jwtVerify } from "jose";
import { z } from "zod";

// to get a string like this run:
// openssl rand -hex 32
const SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7";
const ALGORITHM = "HS256";
const ACCESS_TOKEN_EXPIRE_MINUTES = 30;

export const fake_users_db: Record<string, Record<string, unknown>> = {
  johndoe: {
    username: "johndoe",
    full_name: "John Doe",
    email: "johndoe@example.com",
    hashed_password: "$2b$05$uFh7UcNzd9VF6dRCfw3WYeMhFtyk1mR2lg8V56S7Pl0Dawuzmsdum",
    disabled: false,
  },
};

const Token = z.object({
  access_token: z.string(),
  token_type: z.string(),
}).meta({ id: "Token" });

const TokenData = z.object({
  username: z.string().nullable().default(null),
}).meta({ id: "TokenData" });

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

// The bcrypt cost factor: 2^5 rounds keeps this example quick. Use 10 to 12 in production.
const BCRYPT_COST = 5;

// Checked against when a username is unknown, so that a login costs one hash comparison whether or not the user
// exists (made with the same cost factor, so it takes as long as a real one).
export const DUMMY_HASH = bcrypt.hashSync("dummypassword", BCRYPT_COST);

const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

export const app = new FastAPI();

export async function verify_password(plain_password: string, hashed_password: string): Promise<boolean> {
  return bcrypt.compare(plain_password, hashed_password);
}

export async function get_password_hash(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

function get_user(db: Record<string, Record<string, unknown>>, username: string): UserInDB | null {
  if (username in db) {
    const user_dict = db[username];
    return UserInDB.parse(user_dict);
  }
  return null;
}

async function authenticate_user(fake_db: Record<string, Record<string, unknown>>, username: string, password: string) {
  const user = get_user(fake_db, username);
  if (!user) {
    await verify_password(password, DUMMY_HASH);
    return false;
  }
  if (!(await verify_password(password, user.hashed_password))) {
    return false;
  }
  return user;
}

export async function create_access_token(data: Record<string, unknown>, expires_minutes: number | null = null): Promise<string> {
  const expire = new Date(Date.now() + (expires_minutes ?? 15) * 60 * 1000);
  return new SignJWT({ ...data })
    .setProtectedHeader({ alg: ALGORITHM })
    .setExpirationTime(expire)
    .sign(new TextEncoder().encode(SECRET_KEY));
}

const get_current_user = dependency({ params: { token: Depends(oauth2_scheme) } }, async function get_current_user(
  { token },
) {
  const credentials_exception = new HTTPException(status.HTTP_401_UNAUTHORIZED, {
    detail: "Could not validate credentials",
    headers: { "WWW-Authenticate": "Bearer" },
  });
  let username: unknown;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET_KEY), { algorithms: [ALGORITHM] });
    username = payload.sub;
  } catch {
    // An invalid signature, a malformed token, an expired one...
    throw credentials_exception;
  }
  if (typeof username !== "string") {
    throw credentials_exception;
  }
  const token_data = TokenData.parse({ username });
  const user = get_user(fake_users_db, token_data.username ?? "");
  if (user === null) {
    throw credentials_exception;
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

app.post("/token", {
  params: { form_data: Depends(OAuth2PasswordRequestForm) },
  responseModel: Token,
}, async function login_for_access_token({ form_data }) {
  const user = await authenticate_user(fake_users_db, form_data.username, form_data.password);
  if (!user) {
    throw new HTTPException(status.HTTP_401_UNAUTHORIZED, {
      detail: "Incorrect username or password",
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
  const access_token = await create_access_token({ sub: user.username }, ACCESS_TOKEN_EXPIRE_MINUTES);
  return { access_token, token_type: "bearer" };
});

app.get("/users/me/", {
  params: { current_user: Depends(get_current_active_user) },
  responseModel: User,
}, async function read_users_me({ current_user }) {
  return current_user;
});

app.get("/users/me/items/", { params: { current_user: Depends(get_current_active_user) } }, async function read_own_items(
  { current_user },
) {
  return [{ item_id: "Foo", owner: current_user.username }];
});
