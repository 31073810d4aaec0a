import { Depends, FastAPI, HTTPBasic, HTTPBasicCredentials } from "fastapi-ts";

export const app = new FastAPI();

const security = new HTTPBasic();

app.get("/users/me", { params: { credentials: Depends(security) } }, function read_current_user(
  { credentials }: { credentials: HTTPBasicCredentials },
) {
  return { username: credentials.username, password: credentials.password };
});
