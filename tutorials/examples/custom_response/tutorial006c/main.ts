import { FastAPI, RedirectResponse } from "fastapi-ts";

export const app = new FastAPI();

app.get("/pydantic", { responseClass: RedirectResponse, statusCode: 302 }, async function redirect_pydantic(): Promise<string> {
  return "https://docs.pydantic.dev/";
});
