import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/", {}, async function root() {
  return { message: "Tomato" };
});
