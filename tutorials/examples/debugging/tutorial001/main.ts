import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", function root() {
  const a = "a";
  const b = "b" + a;
  return { "hello world": b };
});
