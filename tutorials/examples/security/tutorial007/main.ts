import { compareDigest, Depends, dependency, FastAPI, HTTPBasic, HTTPException, status } from "fastapi-ts";

export const app = new FastAPI();

const security = new HTTPBasic();

const encoder = new TextEncoder();

const get_current_username = dependency(
  { params: { credentials: Depends(security) } },
  function get_current_username({ credentials }) {
    const current_username_bytes = encoder.encode(credentials.username);
    const correct_username_bytes = encoder.encode("stanleyjobson");
    const is_correct_username = compareDigest(current_username_bytes, correct_username_bytes);
    const current_password_bytes = encoder.encode(credentials.password);
    const correct_password_bytes = encoder.encode("swordfish");
    const is_correct_password = compareDigest(current_password_bytes, correct_password_bytes);
    if (!(is_correct_username && is_correct_password)) {
      throw new HTTPException(status.HTTP_401_UNAUTHORIZED, {
        detail: "Incorrect username or password",
        headers: { "WWW-Authenticate": "Basic" },
      });
    }
    return credentials.username;
  },
);

app.get("/users/me", { params: { username: Depends(get_current_username) } }, function read_current_user({ username }) {
  return { username };
});
