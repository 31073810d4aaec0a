import { FastAPI, Response } from "fastapi-ts";

export const app = new FastAPI();

app.post("/cookie-and-object/", { params: { response: Response } }, function create_cookie({ response }) {
  response.setCookie("fakesession", "fake-cookie-session-value");
  return { message: "Come to the dark side, we have cookies" };
});
