import { Depends, FastAPI, OAuth2PasswordBearer } from "fastapi-ts";

export const app = new FastAPI();

const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

app.get("/items/", { params: { token: Depends(oauth2_scheme) } }, async function read_items({ token }) {
  return { token };
});
