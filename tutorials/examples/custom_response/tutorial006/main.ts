import { FastAPI, RedirectResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/typer", {}, async function redirect_typer() {
  return new RedirectResponse("https://typer.tiangolo.com");
});
