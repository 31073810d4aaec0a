import { FastAPI, JSONResponse } from "fastapi-ts";

export const app = new FastAPI();

app.post("/cookie/", {}, function create_cookie() {
  const content = { message: "Come to the dark side, we have cookies" };
  const response = new JSONResponse(content);
  response.setCookie("fakesession", "fake-cookie-session-value");
  return response;
});
