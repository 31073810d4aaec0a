import { FastAPI, RedirectResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/fastapi", { responseClass: RedirectResponse }, async function redirect_fastapi() {
  return "https://fastapi.tiangolo.com";
});
