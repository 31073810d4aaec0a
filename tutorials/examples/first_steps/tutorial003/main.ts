import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", function root() {
  return { message: "Hello World" };
});
